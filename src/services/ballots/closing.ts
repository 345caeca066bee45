import { randomBytes, randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { ballotDrafts, ballotSessions, ballots, sealedBallots } from "../../db/schema/index.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";
import type { BallotSeal } from "./seal.js";
import { votersOf } from "./sessions.js";
import { turnout } from "./tally.js";

/**
 * Closes voting. In one transaction: the sealed ballots are opened and, if the quorum was met,
 * written in the clear in a random order under random references — rows that share nothing with
 * the members' own (not a transaction, not an order, not a time) — and the sealed ballots and the
 * drafts are deleted. Below the quorum the session is void and no count of it is written at all.
 */
export async function closeBallot(db: Database, seal: BallotSeal, sessionId: number, context: AuditContext): Promise<boolean> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [session] = await tx.select({ unitId: ballotSessions.unitId }).from(ballotSessions).where(eq(ballotSessions.id, sessionId));
    if (!session) return false;
    // A session counted on paper only was never opened in chat: its voters are counted at the close.
    const voters = await votersOf(tx, session.unitId);
    const closed = await tx
      .update(ballotSessions)
      .set({ status: "closed", closedAt: now, ballotKey: null, membersTotal: sql`coalesce(${ballotSessions.membersTotal}, ${voters.length})` })
      .where(and(eq(ballotSessions.id, sessionId), sql`${ballotSessions.status} in ('open', 'draft')`))
      .returning({ membersTotal: ballotSessions.membersTotal, quorumPercent: ballotSessions.quorumPercent });
    const [counted] = closed;
    if (!counted) return false;
    const { quorumMet } = await turnout(tx, sessionId, counted.membersTotal ?? 0, counted.quorumPercent);
    const sealed = await tx.select({ sealed: sealedBallots.sealed }).from(sealedBallots).where(eq(sealedBallots.sessionId, sessionId));
    if (quorumMet && sealed.length > 0) {
      const opened = shuffled(sealed.map((row) => seal.open(sessionId, row.sealed)));
      await tx.insert(ballots).values(opened.map((disagree) => ({ sessionId, ballotRef: randomBytes(16).toString("base64url"), disagree })));
    }
    // A void session keeps no count, not even the clear ballots of a session opened before sealing.
    if (!quorumMet) await tx.delete(ballots).where(eq(ballots.sessionId, sessionId));
    await tx.delete(sealedBallots).where(eq(sealedBallots.sessionId, sessionId));
    await tx.delete(ballotDrafts).where(eq(ballotDrafts.sessionId, sessionId));
    await recordAudit(tx, { at: now, actor: context.actor, action: "ballot.close", subject: `ballot:${sessionId}`, details: { void: !quorumMet } });
    return true;
  });
}

/** Fisher–Yates with a cryptographic source: the order of the counted ballots says nothing. */
function shuffled<T>(items: T[]): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}
