import { sql } from "drizzle-orm";
import { arrayLiteral, type Database, queryRows } from "../../db/client.js";
import { type DecisionMail, decisionMail, type ProposalsMail, proposalsMail } from "../../domain/agency-mail.js";
import { recordAudit } from "../audit.js";
import { proposalDossier, recordHigherDecision } from "../ballots/index.js";
import type { ServiceContext } from "../context.js";
import { mailOf, type ReceivedMail, type RelatedAgency, relatedAgencies, sendMail } from "./mail.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";

export type SendUpResult =
  | { kind: "sent"; to: string; candidates: number; files: number; mailId: number }
  | { kind: "already-sent"; to: string }
  | { kind: "no-province" }
  | { kind: "none" };

/**
 * Sends a decided session's proposals upward (Law 06/2022 Art. 84): each candidate the agency
 * proposed and nobody above has decided yet, with the dossier `/ballot dossier` gives, to the
 * province the agency reports to. Sent once per session; the province's process takes it in.
 */
export async function sendProposalsUp(db: Database, sessionId: number, context: ServiceContext & { agency: string }): Promise<SendUpResult> {
  const province = (await relatedAgencies(db)).find((agency) => agency.relation === "province");
  if (!province) return { kind: "no-province" };
  const candidates = await queryRows<ProposalsMail["candidates"][number] & { year: number }>(
    db,
    sql`select r.id::int as "registrationId", r.subject, p.full_name as "fullName", u.name as "unitName", r.title_code as "titleCode",
          coalesce(split_part(e.reason, ' — ', 2), '') as votes, r.year
        from ballot_candidates c join registrations r on r.id = c.registration_id join units u on u.id = r.unit_id
        left join people p on p.id = r.person_id
        join registration_events e on e.registration_id = r.id and e.action = 'proposed-up'
        where c.session_id = ${sessionId}
          and not exists (select 1 from registration_events later where later.registration_id = r.id
                            and later.action in ('awarded-higher', 'not-awarded-higher'))
        order by c.position`,
  );
  const [first] = candidates;
  if (!first) return { kind: "none" };
  const now = context.clock();
  const dossier = await proposalDossier(db, sessionId, { agency: context.agency, timeZone: context.timeZone, now });
  const files = (dossier?.files ?? []).map((file) => ({ fileName: file.name, bytes: file.bytes }));
  const payload: ProposalsMail = {
    agencyName: context.agency,
    year: first.year,
    sessionId,
    candidates: candidates.map(({ year: _year, ...candidate }) => candidate),
  };
  return db.transaction(async (tx) => {
    const mailId = await sendMail(tx, {
      to: province.id,
      kind: "proposals",
      key: `session:${sessionId}`,
      payload: proposalsMail.parse(payload),
      files,
      at: now,
    });
    if (mailId === undefined) return { kind: "already-sent" as const, to: province.name };
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "proposals.sent-up",
      subject: `ballot:${sessionId}`,
      details: { to: province.code, candidates: candidates.length, files: files.length, mail: mailId },
    });
    return { kind: "sent" as const, to: province.name, candidates: candidates.length, files: files.length, mailId };
  });
}

/**
 * The province's decision on what this agency sent, come back: recorded as the higher decision of
 * the agency's own session — the result in its record, each registrant told by its own channel.
 */
export async function receiveDecision(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext, from: RelatedAgency): Promise<void> {
  const decision = mail.payload as DecisionMail;
  // Only on what this agency sent that province: another session's candidates are not its to decide.
  const [sent] = await queryRows<{ id: number }>(
    tx,
    sql`select id from agency_mail where kind = 'proposals' and key = ${`session:${decision.sessionId}`} and to_agency_id = ${mail.fromAgencyId}
          and from_agency_id = ${CURRENT_AGENCY}`,
  );
  if (!sent) {
    await recordAudit(tx, {
      at: context.clock(),
      actor: context.actor,
      action: "mail.refused",
      subject: `mail:${mail.id}`,
      details: { reason: "decides a session not sent to its sender", session: decision.sessionId },
    });
    return;
  }
  const positions = await queryRows<{ position: number }>(
    tx,
    sql`select position from ballot_candidates where session_id = ${decision.sessionId}
          and registration_id = any(${arrayLiteral(decision.awarded)}::bigint[])`,
  );
  const recorded = await recordHigherDecision(
    tx,
    {
      sessionId: decision.sessionId,
      number: decision.number,
      decidedOn: decision.decidedOn,
      authority: decision.authority,
      positions: positions.map((row) => row.position),
      covering: [...decision.awarded, ...decision.notAwarded],
    },
    { ...context, actor: { personId: null, label: `agency:${from.code}` } },
  );
  // Signed on a day this agency's clock has not reached: taken in when it has, not dropped.
  if (recorded.kind === "future") throw new Error(`the decision of mail ${mail.id} is dated ${decision.decidedOn}, after today`);
}

/**
 * The province's side: every received candidate its council voted on and its chairman decided is
 * answered to the agency that sent it, one mail per session and sending — sent once, so running
 * this every minute, on any instance, answers nothing twice.
 */
export async function answerProposers(db: Database, now: Date): Promise<number> {
  const decided = await queryRows<{
    mail_id: number;
    session_id: number;
    origin_registration_id: number;
    awarded: boolean;
    number: string;
    decided_on: string;
    signer: string;
  }>(
    db,
    sql`select rc.mail_id::int as mail_id, c.session_id::int as session_id, rc.origin_registration_id::int as origin_registration_id,
          e.action = 'awarded' as awarded, d.number, d.decided_on, d.signer
        from received_candidates rc
        join ballot_candidates c on c.registration_id = rc.registration_id
        join award_decisions d on d.session_id = c.session_id
        join registration_events e on e.registration_id = rc.registration_id and e.action in ('awarded', 'not-awarded')
        where not exists (select 1 from agency_mail m where m.kind = 'decision' and m.key = 'decision:' || rc.mail_id || ':' || c.session_id)
        order by 1, 2, 3`,
  );
  const groups = new Map<string, typeof decided>();
  for (const row of decided) {
    const key = `${row.mail_id}:${row.session_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  let sent = 0;
  for (const [key, rows] of groups) {
    const [first] = rows;
    if (!first) continue;
    const proposals = await mailOf(db, first.mail_id, "proposals", proposalsMail);
    if (!proposals) continue;
    const payload: DecisionMail = {
      sessionId: proposals.payload.sessionId,
      number: first.number,
      decidedOn: first.decided_on,
      authority: first.signer,
      awarded: rows.filter((row) => row.awarded).map((row) => row.origin_registration_id),
      notAwarded: rows.filter((row) => !row.awarded).map((row) => row.origin_registration_id),
    };
    const mailId = await db.transaction((tx) =>
      sendMail(tx, { to: proposals.fromAgencyId, kind: "decision", key: `decision:${key}`, payload: decisionMail.parse(payload), at: now }),
    );
    if (mailId !== undefined) sent++;
  }
  return sent;
}
