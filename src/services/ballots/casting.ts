import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { ballotCandidates, ballotDrafts, ballotSessions, ballots, ballotVoters, sealedBallots } from "../../db/schema/index.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";
import type { BallotSeal } from "./seal.js";
import { legacyBallotRef } from "./legacy.js";

/** The candidates a member is about to disagree with, before the ballot is submitted. */
export async function draftOf(db: Database, seal: BallotSeal, sessionId: number, personId: number): Promise<number[]> {
  const [draft] = await db
    .select({ sealed: ballotDrafts.sealed })
    .from(ballotDrafts)
    .where(and(eq(ballotDrafts.sessionId, sessionId), eq(ballotDrafts.personId, personId)));
  if (!draft) return [];
  try {
    return seal.open(sessionId, draft.sealed);
  } catch {
    // Sealed under another secret (BALLOT_SECRET was changed): a draft is only marks not yet sent; start afresh.
    return [];
  }
}

/** Marks or unmarks one candidate in a member's draft; the draft is kept sealed like a ballot. */
export async function toggleDraft(
  db: Database,
  seal: BallotSeal,
  input: { sessionId: number; personId: number; position: number },
  now: Date,
): Promise<number[]> {
  const current = await draftOf(db, seal, input.sessionId, input.personId);
  const disagree = current.includes(input.position)
    ? current.filter((position) => position !== input.position)
    : [...current, input.position].sort((a, b) => a - b);
  const sealed = seal.seal(input.sessionId, await candidateCount(db, input.sessionId), disagree);
  await db
    .insert(ballotDrafts)
    .values({ ...input, sealed, updatedAt: now })
    .onConflictDoUpdate({ target: [ballotDrafts.sessionId, ballotDrafts.personId], set: { sealed, updatedAt: now } });
  return disagree;
}

/** How many candidates a session has: every sealed ballot of it carries one bit each. */
export async function candidateCount(db: Database, sessionId: number): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(ballotCandidates).where(eq(ballotCandidates.sessionId, sessionId));
  return row?.count ?? 0;
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
 * goes to one table; what was voted is sealed under the instances' secret, under a reference only
 * that secret makes, until the close counts it (docs/ballot-secrecy.md). The voters are the
 * council, or for a unit's bình xét the unit's members.
 */
export async function castBallot(
  db: Database,
  seal: BallotSeal,
  input: { sessionId: number; personId: number; disagree: number[]; change: boolean; how?: "chat" | "written" },
  context: AuditContext,
): Promise<CastResult> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    // A share lock: ballots go in side by side, and the close (an update) waits for them.
    const [session] = await tx.select().from(ballotSessions).where(eq(ballotSessions.id, input.sessionId)).for("share");
    if (session?.status !== "open") return "not-open";
    if (!(await votesIn(tx, session, input.personId))) return "not-member";
    // The voter row first: a second ballot of the same member waits on it and finds it there.
    const first = await tx
      .insert(ballotVoters)
      .values({ sessionId: session.id, personId: input.personId, how: input.how ?? "chat", votedAt: now })
      .onConflictDoNothing()
      .returning({ personId: ballotVoters.personId });
    const voted = first.length === 0;
    if (voted && !input.change) return "already-voted";
    const ballotRef = seal.reference(session.id, input.personId);
    const sealed = seal.seal(session.id, await candidateCount(tx, session.id), input.disagree);
    await tx
      .insert(sealedBallots)
      .values({ sessionId: session.id, ballotRef, sealed })
      .onConflictDoUpdate({ target: [sealedBallots.sessionId, sealedBallots.ballotRef], set: { sealed } });
    // A session opened before ballots were sealed keeps its earlier ballots in the clear: a change replaces the member's.
    if (voted && session.ballotKey) {
      await tx
        .delete(ballots)
        .where(and(eq(ballots.sessionId, session.id), eq(ballots.ballotRef, legacyBallotRef(session.ballotKey, session.id, input.personId))));
    }
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
