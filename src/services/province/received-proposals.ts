import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { campaigns, people, receivedCandidates, registrations, units } from "../../db/schema/index.js";
import type { ProposalsMail } from "../../domain/agency-mail.js";
import { localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import type { ServiceContext } from "../context.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { recordTransition } from "../registrations/submit.js";
import type { Registration } from "../registrations/types.js";
import { catalogueOn } from "../rules/catalogue.js";
import type { ReceivedMail, RelatedAgency } from "./mail.js";
import { leadershipAndOffice } from "./notices.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";

/**
 * The province takes in an agency's proposals: each candidate becomes an approved registration of
 * the province's own year — under a unit standing for the agency, by a person who is not on the
 * roster (inactive, no role) — so the province's council votes on it with the same secret ballot
 * and its chairman's decision is recorded as any other. The secretariat and the leadership are told.
 */
export async function receiveProposals(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext, sender: RelatedAgency): Promise<void> {
  const proposals = mail.payload as ProposalsMail;
  const now = context.clock();
  const code = `@${sender.code}`;
  const agencyUnit = await standIn(tx, { code, unitName: proposals.agencyName, fullName: proposals.agencyName, position: "" });
  const campaignId = await yearOfProposals(tx, proposals.year, now);
  const catalogue = await catalogueOn(tx, localDay(now, context.timeZone));
  for (const candidate of proposals.candidates) {
    const ownCode = `${code}-${candidate.registrationId}`;
    const subjectUnit =
      candidate.subject === "unit"
        ? await standIn(tx, { code: ownCode, unitName: `${candidate.unitName} (${proposals.agencyName})`, fullName: null, position: "" })
        : undefined;
    const person =
      candidate.subject === "person"
        ? await standIn(tx, {
            code: ownCode,
            unitName: null,
            unitId: agencyUnit.unitId,
            fullName: candidate.fullName ?? candidate.unitName,
            position: candidate.unitName,
          })
        : undefined;
    const [registration] = await tx
      .insert(registrations)
      .values({
        year: proposals.year,
        campaignId,
        subject: candidate.subject,
        personId: person?.personId ?? null,
        unitId: subjectUnit?.unitId ?? agencyUnit.unitId,
        titleCode: candidate.titleCode,
        level: catalogue.titles.find((title) => title.code === candidate.titleCode)?.level ?? "co-so",
        status: "approved",
        registeredByPersonId: person?.personId ?? (agencyUnit.personId as number),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!registration) continue;
    await tx.insert(receivedCandidates).values({ registrationId: registration.id, mailId: mail.id, originRegistrationId: candidate.registrationId });
    await recordTransition(tx, {
      registration: registration as Registration,
      from: null,
      action: "received",
      at: now,
      actor: context.actor,
      reason: `${proposals.agencyName} — ${candidate.votes}`,
    });
  }
  const officers = await leadershipAndOffice(tx);
  await enqueue(
    tx,
    noticeToEach(officers, {
      key: `mail:${mail.id}:received`,
      kind: "proposals-received",
      at: now,
      text: (locale) =>
        context.translate(locale, "proposals-received", {
          agency: escapeHtml(proposals.agencyName),
          count: proposals.candidates.length,
          year: String(proposals.year),
          id: mail.id,
        }),
    }),
  );
}

/**
 * A unit (and, with a name, a person in it) standing for what another agency sent: found by its
 * code when the agency sent before, else made; never on the roster (inactive, no role).
 */
async function standIn(
  tx: Database,
  wanted: { code: string; unitName: string | null; unitId?: number; fullName: string | null; position: string },
): Promise<{ unitId: number; personId: number | undefined }> {
  let unitId = wanted.unitId;
  if (unitId === undefined) {
    await tx
      .insert(units)
      .values({ code: wanted.code, name: wanted.unitName ?? wanted.code })
      .onConflictDoNothing();
    const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.code, wanted.code));
    unitId = unit?.id as number;
  }
  if (wanted.fullName === null) return { unitId, personId: undefined };
  await tx
    .insert(people)
    .values({ staffCode: wanted.code, fullName: wanted.fullName, position: wanted.position, unitId, roles: [], active: false })
    .onConflictDoNothing();
  const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.staffCode, wanted.code));
  return { unitId, personId: person?.id };
}

/** The province's campaign of the year, where received proposals are registered; made if it has none. */
async function yearOfProposals(tx: Database, year: number, now: Date): Promise<number> {
  const [existing] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.year, year));
  if (existing) return existing.id;
  const [created] = await tx
    .insert(campaigns)
    .values({ year, title: `Đề nghị khen thưởng của các cơ quan năm ${year}`, launchedAt: now, deadlineAt: now })
    .returning({ id: campaigns.id });
  return created?.id as number;
}

/** The proposals mails received, with how many of their candidates are decided: for /received. */
export async function receivedProposals(db: Database): Promise<{ id: number; agency: string; year: number; candidates: number; decided: number; at: Date }[]> {
  const rows = await queryRows<{ id: number; agency: string; year: number; candidates: number; decided: number; at: Date | string }>(
    db,
    sql`select m.id::int as id, m.payload->>'agencyName' as agency, (m.payload->>'year')::int as year,
          jsonb_array_length(m.payload->'candidates')::int as candidates,
          (select count(*) from received_candidates rc where rc.mail_id = m.id
             and exists (select 1 from registration_events e where e.registration_id = rc.registration_id and e.action in ('awarded', 'not-awarded', 'proposed-up')))::int as decided,
          m.created_at as at
        from agency_mail m where m.kind = 'proposals' and m.to_agency_id = ${CURRENT_AGENCY}
        order by m.id desc limit 30`,
  );
  // The drivers differ: a raw query's timestamp is a Date on one and a string on the other.
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
