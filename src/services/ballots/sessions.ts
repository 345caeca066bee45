import { and, asc, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { ballotCandidates, ballotSessions, meetings } from "../../db/schema/index.js";
import { quorumPercent, thresholdPercent, unitVotePercent } from "../../domain/ballots.js";
import { formatDateTime, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { agencyRules } from "../rules/agency-rules.js";
import { isDecided } from "../registrations/live.js";
import { type HoldCandidate, heldCandidates } from "./holds.js";
import type { Refusal } from "../../domain/titles.js";
import { recordAudit } from "../audit.js";
import { catalogueOn, titleName } from "../rules/catalogue.js";
import { enqueue, noticeToEach, type Translate } from "../outbox.js";
import { activeWithRole } from "../roster/people-by-role.js";
import type { AuditContext } from "../context.js";

type Context = AuditContext;
// An agency's candidate the province received was held or not by the agency: the province's rows know nothing of its people.
type Candidate = HoldCandidate & { who: string; unit: string; received: boolean };

/** A candidate the law does not let be proposed, and why (see heldCandidates). */
export type HeldCandidate = { who: string; titleCode: string; reason: Refusal };

export type SessionInput = { year: number; title: string; meetingId?: number; titleCode?: string; unitId?: number };

/**
 * The candidates of a vote. A unit's bình xét: its approved individual registrations. The council:
 * the year's approved registrations but those a unit's review, once sent, did not propose. Never
 * one already decided: a second session of the year holds only what is still open.
 */
async function candidatesFor(db: Database, input: SessionInput): Promise<Candidate[]> {
  return queryRows<Candidate>(
    db,
    sql`select r.id::int as id, r.title_code, r.subject, r.unit_id::int as unit_id, r.person_id::int as person_id, u.name as unit,
          coalesce(p.full_name || ' (' || u.name || ')', u.name) as who,
          exists (select 1 from received_candidates rc where rc.registration_id = r.id) as received
        from registrations r join units u on u.id = r.unit_id left join people p on p.id = r.person_id
        where r.year = ${input.year} and r.status = 'approved' and not ${isDecided(sql`r.id`)}
          and (${input.titleCode ?? null}::text is null or r.title_code = ${input.titleCode ?? null})
          and (${input.unitId ?? null}::bigint is null or (r.unit_id = ${input.unitId ?? null} and r.subject = 'person'))
          and (${input.unitId ?? null}::bigint is not null or not exists (
            select 1 from unit_review_outcomes o join unit_reviews v on v.id = o.review_id
            where o.registration_id = r.id and v.status = 'sent' and not o.proposed))
        order by u.name, r.subject desc, p.full_name`,
  );
}

/** Units whose approved individual registrations have no bình xét sent yet: the council would vote on them unreviewed. */
export async function unitsNotReviewed(db: Database, year: number): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct u.name from registrations r join units u on u.id = r.unit_id
        where r.year = ${year} and r.status = 'approved' and r.subject = 'person'
          and not exists (select 1 from received_candidates rc where rc.registration_id = r.id)
          and not exists (select 1 from unit_reviews v where v.unit_id = r.unit_id and v.year = ${year} and v.status = 'sent')
        order by u.name`,
  );
  return rows.map((row) => row.name);
}

/**
 * A session and its candidates, thresholds fixed now from the rule set and the agency's rules. A
 * candidate the law does not let be proposed this year is left out and named, with why.
 */
export async function createBallotSession(
  db: Database,
  input: SessionInput,
  context: Context,
): Promise<{ id: number; candidates: number; held: HeldCandidate[] }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const catalogue = await catalogueOn(tx, localDay(now));
    const gathered = await candidatesFor(tx, input);
    const holds = await heldCandidates(
      tx,
      input.year,
      gathered.filter((candidate) => !candidate.received),
      catalogue,
    );
    const approved = gathered.filter((candidate) => !holds.has(candidate.id));
    const held = gathered.flatMap((candidate) => {
      const reason = holds.get(candidate.id);
      return reason ? [{ who: candidate.who, titleCode: candidate.title_code, reason }] : [];
    });
    const rules = await agencyRules(tx);
    const [session] = await tx
      .insert(ballotSessions)
      .values({ ...input, createdByPersonId: context.actor.personId, createdAt: now })
      .returning({ id: ballotSessions.id });
    const id = (session as { id: number }).id;
    if (approved.length > 0) {
      await tx.insert(ballotCandidates).values(
        approved.map((row, index) => ({
          sessionId: id,
          registrationId: row.id,
          position: index + 1,
          label: `${row.who} — ${titleName(catalogue, row.title_code)}`,
          thresholdPercent: input.unitId ? unitVotePercent(rules) : thresholdPercent(row.title_code, catalogue, rules),
        })),
      );
    }
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "ballot.create",
      subject: `ballot:${id}`,
      details: {
        candidates: approved.length,
        held: held.map((candidate) => ({ who: candidate.who, title: candidate.titleCode, reason: candidate.reason.key })),
      },
    });
    return { id, candidates: approved.length, held };
  });
}

/**
 * The council meeting's votes, one session per title so that the chair opens voting title by
 * title; the members get the agenda (each title, its session and how many candidates) now, before
 * the meeting, and read each list with /candidates.
 */
export async function createMeetingSessions(
  db: Database,
  input: { meetingId: number; year: number },
  context: Context & { translate: Translate; timeZone: string },
): Promise<{ sessions: { id: number; titleCode: string; candidates: number }[]; held: HeldCandidate[] } | "no-meeting"> {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, input.meetingId));
  if (!meeting || meeting.cancelledAt) return "no-meeting";
  const catalogue = await catalogueOn(db, localDay(context.clock()));
  const all = await candidatesFor(db, { year: input.year, title: "" });
  const codes = catalogue.titles.map((title) => title.code).filter((code) => all.some((candidate) => candidate.title_code === code));
  // Asked again (after a failure halfway, or twice), it makes only the titles' sessions still missing.
  const existing = await queryRows<{ id: number; title_code: string; candidates: number }>(
    db,
    sql`select s.id::int as id, s.title_code, (select count(*)::int from ballot_candidates c where c.session_id = s.id) as candidates
        from ballot_sessions s where s.meeting_id = ${meeting.id} and s.year = ${input.year} and s.title_code is not null`,
  );
  const sessions: { id: number; titleCode: string; candidates: number }[] = [];
  const held: HeldCandidate[] = [];
  for (const code of codes) {
    const made = existing.find((session) => session.title_code === code);
    if (made) {
      sessions.push({ id: made.id, titleCode: code, candidates: made.candidates });
      continue;
    }
    const created = await createBallotSession(db, { year: input.year, title: titleName(catalogue, code), meetingId: meeting.id, titleCode: code }, context);
    sessions.push({ id: created.id, titleCode: code, candidates: created.candidates });
    held.push(...created.held);
  }
  const council = await activeWithRole(db, "council");
  const when = formatDateTime(meeting.startsAt, context.timeZone);
  await enqueue(
    db,
    noticeToEach(council, {
      key: `meeting:${meeting.id}:agenda:${input.year}`,
      kind: "ballot-agenda",
      at: context.clock(),
      text: (locale) =>
        [
          context.translate(locale, "ballot-agenda-header", { when, place: escapeHtml(meeting.place), year: String(input.year) }),
          ...sessions.map((session) =>
            context.translate(locale, "ballot-agenda-line", {
              id: session.id,
              title: escapeHtml(titleName(catalogue, session.titleCode)),
              count: session.candidates,
            }),
          ),
        ].join("\n"),
    }),
  );
  return { sessions, held };
}

/** Who votes in a session: the council, or the unit's members in its bình xét. */
export async function votersOf(db: Database, unitId: number | null): Promise<number[]> {
  if (unitId === null) return activeWithRole(db, "council");
  const rows = await queryRows<{ id: number }>(db, sql`select id::int as id from people where active and unit_id = ${unitId}`);
  return rows.map((row) => row.id);
}

/** Opens voting: the voters' number and the quorum are fixed now, and every voter is told how to vote. */
export async function openBallot(db: Database, sessionId: number, context: Context & { translate: Translate }): Promise<{ membersTotal: number } | undefined> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [draft] = await tx.select({ unitId: ballotSessions.unitId }).from(ballotSessions).where(eq(ballotSessions.id, sessionId));
    if (!draft) return undefined;
    const voters = await votersOf(tx, draft.unitId);
    const membersTotal = voters.length;
    const quorum = draft.unitId === null ? quorumPercent(await catalogueOn(tx, localDay(now)), await agencyRules(tx)) : null;
    const opened = await tx
      .update(ballotSessions)
      .set({ status: "open", openedAt: now, membersTotal, quorumPercent: quorum })
      .where(and(eq(ballotSessions.id, sessionId), eq(ballotSessions.status, "draft")))
      .returning({ id: ballotSessions.id });
    if (opened.length === 0) return undefined;
    await recordAudit(tx, { at: now, actor: context.actor, action: "ballot.open", subject: `ballot:${sessionId}`, details: { membersTotal } });
    await enqueue(
      tx,
      noticeToEach(voters, {
        key: `ballot:${sessionId}:opened`,
        kind: "ballot-opened",
        at: now,
        text: (locale) => context.translate(locale, draft.unitId === null ? "ballot-opened-to-member" : "ballot-opened-to-unit", { id: sessionId }),
      }),
    );
    return { membersTotal };
  });
}

export async function ballotCandidatesOf(db: Database, sessionId: number) {
  return db.select().from(ballotCandidates).where(eq(ballotCandidates.sessionId, sessionId)).orderBy(asc(ballotCandidates.position));
}

export async function ballotSession(db: Database, sessionId: number) {
  const [session] = await db
    .select({ id: ballotSessions.id, year: ballotSessions.year, title: ballotSessions.title, status: ballotSessions.status, unitId: ballotSessions.unitId })
    .from(ballotSessions)
    .where(eq(ballotSessions.id, sessionId));
  return session;
}
