import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { ballotDrafts, ballotSessions, ballots, ballotVoters } from "../../db/schema/index.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

type Context = AuditContext;

/** A reference for a member's ballot that only the session's key (erased at close) can make. */
function ballotRef(key: string, sessionId: number, personId: number): string {
  return createHmac("sha256", key).update(`${sessionId}:${personId}`).digest("base64url");
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

/** Whether a person votes in a session: a council member, or for a unit's bình xét one of its members. */
export async function votesIn(db: Database, session: { unitId: number | null }, personId: number): Promise<boolean> {
  const [member] = await queryRows<{ id: number }>(
    db,
    session.unitId === null
      ? sql`select id::int as id from people where id = ${personId} and active and 'council' = any(roles)`
      : sql`select id::int as id from people where id = ${personId} and active and unit_id = ${session.unitId}`,
  );
  return member !== undefined;
}

export type CastResult = "cast" | "changed" | "already-voted" | "not-open" | "not-member";

/**
 * Records a member's ballot: agreement with every candidate but those listed. A first ballot, or
 * a change asked for while voting is open; a second ballot without asking is refused. Who voted
 * goes to one table, what was voted to another, under a reference only the session's key makes.
 * The voters are the council, or for a unit's bình xét the unit's members.
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
    if (!(await votesIn(tx, session, input.personId))) return "not-member";
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
