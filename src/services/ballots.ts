import { createHmac, randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { ballotCandidates, ballotDrafts, ballotSessions, ballots, ballotVoters } from "../db/schema/index.js";
import { passes, thresholdPercent } from "../domain/ballots.js";
import { type Clock, localDay } from "../domain/calendar.js";
import { catalogueOn } from "./catalogue.js";
import type { TitleLevel } from "../domain/titles.js";
import { type Actor, recordAudit } from "./audit.js";
import { enqueue, type Translate } from "./outbox.js";
import { activeWithRole } from "./people-by-role.js";

type Context = { clock: Clock; actor: Actor };

/** A reference for a member's ballot that only the session's key (erased at close) can make. */
function ballotRef(key: string, sessionId: number, personId: number): string {
  return createHmac("sha256", key).update(`${sessionId}:${personId}`).digest("base64url");
}

/** A session whose candidates are the year's approved registrations, in the order of the list. */
export async function createBallotSession(db: Database, input: { year: number; title: string }, context: Context): Promise<{ id: number; candidates: number }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const approved = await queryRows<{ id: number; title_code: string; level: TitleLevel; who: string }>(
      tx,
      sql`select r.id::int as id, r.title_code, r.level, coalesce(p.full_name || ' (' || u.name || ')', u.name) as who
          from registrations r join units u on u.id = r.unit_id left join people p on p.id = r.person_id
          where r.year = ${input.year} and r.status = 'approved'
          order by u.name, r.subject desc, p.full_name`,
    );
    const catalogue = await catalogueOn(tx, localDay(now));
    const titleName = (code: string) => catalogue.titles.find((title) => title.code === code)?.nameVi ?? code;
    const [session] = await tx
      .insert(ballotSessions)
      .values({ year: input.year, title: input.title, createdByPersonId: context.actor.personId, createdAt: now })
      .returning({ id: ballotSessions.id });
    const id = (session as { id: number }).id;
    if (approved.length > 0) {
      await tx.insert(ballotCandidates).values(
        approved.map((row, index) => ({
          sessionId: id,
          registrationId: row.id,
          position: index + 1,
          label: `${row.who} — ${titleName(row.title_code)}`,
          thresholdPercent: thresholdPercent(row.title_code, row.level),
        })),
      );
    }
    await recordAudit(tx, { at: now, actor: context.actor, action: "ballot.create", subject: `ballot:${id}`, details: { candidates: approved.length } });
    return { id, candidates: approved.length };
  });
}

/**
 * Opens voting: the council's size is fixed now, the key that keeps ballots changeable is made,
 * and every member is told how to vote.
 */
export async function openBallot(db: Database, sessionId: number, context: Context & { translate: Translate }): Promise<{ membersTotal: number } | undefined> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const council = await activeWithRole(tx, "council");
    const membersTotal = council.length;
    const opened = await tx
      .update(ballotSessions)
      .set({ status: "open", openedAt: now, membersTotal, ballotKey: randomBytes(32).toString("base64url") })
      .where(and(eq(ballotSessions.id, sessionId), eq(ballotSessions.status, "draft")))
      .returning({ id: ballotSessions.id });
    if (opened.length === 0) return undefined;
    await recordAudit(tx, { at: now, actor: context.actor, action: "ballot.open", subject: `ballot:${sessionId}`, details: { membersTotal } });
    await enqueue(
      tx,
      council.map((personId) => ({
        personId,
        dedupeKey: `ballot:${sessionId}:opened:person:${personId}`,
        kind: "ballot-opened",
        notBefore: now,
        render: (locale: string) => ({ parseMode: "HTML" as const, text: context.translate(locale, "ballot-opened-to-member", { id: sessionId }) }),
      })),
    );
    return { membersTotal };
  });
}

export async function ballotCandidatesOf(db: Database, sessionId: number) {
  return db.select().from(ballotCandidates).where(eq(ballotCandidates.sessionId, sessionId)).orderBy(asc(ballotCandidates.position));
}

export async function ballotSession(db: Database, sessionId: number) {
  const [session] = await db
    .select({ id: ballotSessions.id, year: ballotSessions.year, title: ballotSessions.title, status: ballotSessions.status })
    .from(ballotSessions)
    .where(eq(ballotSessions.id, sessionId));
  return session;
}

/** The candidates a member is about to disagree with, before the ballot is submitted. */
export async function draftOf(db: Database, sessionId: number, personId: number): Promise<number[]> {
  const [draft] = await db
    .select({ disagree: ballotDrafts.disagree })
    .from(ballotDrafts)
    .where(and(eq(ballotDrafts.sessionId, sessionId), eq(ballotDrafts.personId, personId)));
  return draft?.disagree ?? [];
}

export async function toggleDraft(db: Database, input: { sessionId: number; personId: number; position: number }, now: Date): Promise<number[]> {
  const current = await draftOf(db, input.sessionId, input.personId);
  const disagree = current.includes(input.position)
    ? current.filter((position) => position !== input.position)
    : [...current, input.position].sort((a, b) => a - b);
  await db
    .insert(ballotDrafts)
    .values({ ...input, disagree, updatedAt: now })
    .onConflictDoUpdate({ target: [ballotDrafts.sessionId, ballotDrafts.personId], set: { disagree, updatedAt: now } });
  return disagree;
}

export type CastResult = "cast" | "changed" | "already-voted" | "not-open" | "not-member";

/**
 * Records a member's ballot: agreement with every candidate but those listed. A first ballot, or
 * a change asked for while voting is open; a second ballot without asking is refused. Who voted
 * goes to one table, what was voted to another, under a reference only the session's key makes.
 */
export async function castBallot(
  db: Database,
  input: { sessionId: number; personId: number; disagree: number[]; change: boolean; how?: "chat" | "written" },
  context: Context,
): Promise<CastResult> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    // A share lock: ballots go in side by side, and the close (an update) waits for them.
    const [session] = await tx.select().from(ballotSessions).where(eq(ballotSessions.id, input.sessionId)).for("share");
    if (session?.status !== "open" || !session.ballotKey) return "not-open";
    const [member] = await queryRows<{ id: number }>(
      tx,
      sql`select id::int as id from people where id = ${input.personId} and active and 'council' = any(roles)`,
    );
    if (!member) return "not-member";
    // The voter row first: a second ballot of the same member waits on it and finds it there.
    const first = await tx
      .insert(ballotVoters)
      .values({ sessionId: session.id, personId: input.personId, how: input.how ?? "chat", votedAt: now })
      .onConflictDoNothing()
      .returning({ personId: ballotVoters.personId });
    const voted = first.length === 0;
    if (voted && !input.change) return "already-voted";
    const ref = ballotRef(session.ballotKey, session.id, input.personId);
    const disagree = [...new Set(input.disagree)].sort((a, b) => a - b);
    await tx
      .insert(ballots)
      .values({ sessionId: session.id, ballotRef: ref, disagree })
      .onConflictDoUpdate({ target: [ballots.sessionId, ballots.ballotRef], set: { disagree } });
    await tx.delete(ballotDrafts).where(and(eq(ballotDrafts.sessionId, session.id), eq(ballotDrafts.personId, input.personId)));
    // The audit says that a member voted, never how.
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: voted ? "ballot.change" : "ballot.cast",
      subject: `ballot:${session.id}`,
      details: { how: input.how ?? "chat" },
    });
    return voted ? "changed" : "cast";
  });
}

/** Closes voting and erases the key: from now on no ballot can be traced to a member, or changed. */
export async function closeBallot(db: Database, sessionId: number, context: Context): Promise<boolean> {
  const now = context.clock();
  // A session counted on paper only was never opened in chat: its council is counted at the close.
  const council = await activeWithRole(db, "council");
  const closed = await db
    .update(ballotSessions)
    .set({ status: "closed", closedAt: now, ballotKey: null, membersTotal: sql`coalesce(${ballotSessions.membersTotal}, ${council.length})` })
    .where(and(eq(ballotSessions.id, sessionId), sql`${ballotSessions.status} in ('open', 'draft')`))
    .returning({ id: ballotSessions.id });
  if (closed.length === 0) return false;
  await recordAudit(db, { at: now, actor: context.actor, action: "ballot.close", subject: `ballot:${sessionId}`, details: {} });
  return true;
}

export type Tally = {
  membersTotal: number;
  voted: number;
  candidates: { position: number; label: string; agree: number; disagree: number; thresholdPercent: number; passed: boolean }[];
};

/** The result, once voting has closed; before that there is none to give, to anyone. */
export async function ballotTally(db: Database, sessionId: number): Promise<Tally | "not-closed"> {
  const [session] = await db.select().from(ballotSessions).where(eq(ballotSessions.id, sessionId));
  if (session?.status !== "closed") return "not-closed";
  // Each ballot agrees with every candidate it does not list; a paper ballot's count, where the
  // secretariat entered one, stands for the chat's.
  const rows = await queryRows<{ position: number; label: string; threshold_percent: number; agree: number; disagree: number }>(
    db,
    sql`select c.position, c.label, c.threshold_percent,
               coalesce(c.paper_agree, count(b.ballot_ref) filter (where not c.position = any(b.disagree)))::int as agree,
               coalesce(c.paper_disagree, count(b.ballot_ref) filter (where c.position = any(b.disagree)))::int as disagree
        from ballot_candidates c left join ballots b on b.session_id = c.session_id
        where c.session_id = ${sessionId} group by c.id order by c.position`,
  );
  const [voters] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from ballot_voters where session_id = ${sessionId}`);
  const membersTotal = session.membersTotal ?? 0;
  return {
    membersTotal,
    voted: voters?.count ?? 0,
    candidates: rows.map((row) => ({
      position: row.position,
      label: row.label,
      agree: row.agree,
      disagree: row.disagree,
      thresholdPercent: row.threshold_percent,
      passed: passes(row.agree, membersTotal, row.threshold_percent),
    })),
  };
}

/**
 * The count of a paper ballot for one candidate, entered by the secretariat before the session is
 * closed (voting in chat or not); it replaces the chat's count for that candidate.
 */
export async function enterPaperCount(
  db: Database,
  input: { sessionId: number; position: number; agree: number; disagree: number },
  context: Context,
): Promise<"entered" | "not-found" | "closed"> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [session] = await tx.select({ status: ballotSessions.status }).from(ballotSessions).where(eq(ballotSessions.id, input.sessionId));
    if (!session) return "not-found";
    if (session.status === "closed") return "closed";
    const updated = await tx
      .update(ballotCandidates)
      .set({ paperAgree: input.agree, paperDisagree: input.disagree })
      .where(and(eq(ballotCandidates.sessionId, input.sessionId), eq(ballotCandidates.position, input.position)))
      .returning({ id: ballotCandidates.id });
    if (updated.length === 0) return "not-found";
    await recordAudit(tx, { at: now, actor: context.actor, action: "ballot.paper", subject: `ballot:${input.sessionId}`, details: input });
    return "entered";
  });
}

/** A council member named by staff code (written votes are entered for them). */
export async function personByStaffCode(db: Database, staffCode: string): Promise<{ id: number; fullName: string } | undefined> {
  const [row] = await queryRows<{ id: number; full_name: string }>(
    db,
    sql`select id::int as id, full_name from people where staff_code = ${staffCode.trim().toUpperCase()} and active`,
  );
  return row && { id: row.id, fullName: row.full_name };
}
