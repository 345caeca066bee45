import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { ballotCandidates, ballotSessions } from "../../db/schema/index.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";
import { votersOf } from "./sessions.js";

/**
 * The count of a paper ballot for one candidate, entered by the secretariat before the session is
 * closed (voting in chat or not); it replaces the chat's count for that candidate.
 */
export async function enterPaperCount(
  db: Database,
  input: { sessionId: number; position: number; agree: number; disagree: number },
  context: AuditContext,
): Promise<"entered" | "not-found" | "closed" | { kind: "too-many"; members: number }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ status: ballotSessions.status, unitId: ballotSessions.unitId, membersTotal: ballotSessions.membersTotal })
      .from(ballotSessions)
      .where(eq(ballotSessions.id, input.sessionId));
    if (!session) return "not-found";
    if (session.status === "closed") return "closed";
    // More ballots than voters would be counted as given: the minutes would contradict themselves.
    const members = session.membersTotal ?? (await votersOf(tx, session.unitId)).length;
    if (input.agree + input.disagree > members) return { kind: "too-many" as const, members };
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
