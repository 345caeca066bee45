import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { ballotSessions } from "../../db/schema/index.js";
import { passes, quorumMet } from "../../domain/ballots.js";

export type Tally = {
  membersTotal: number;
  voted: number;
  /** The share of all members that had to vote, and whether they did; without it nobody passes. */
  quorumPercent: number | null;
  quorumMet: boolean;
  candidates: { position: number; registrationId: number; label: string; agree: number; disagree: number; thresholdPercent: number; passed: boolean }[];
};

/** The result, once voting has closed; before that there is none to give, to anyone. */
export async function ballotTally(db: Database, sessionId: number): Promise<Tally | "not-closed"> {
  const [session] = await db.select().from(ballotSessions).where(eq(ballotSessions.id, sessionId));
  if (session?.status !== "closed") return "not-closed";
  // Each ballot agrees with every candidate it does not list; a paper ballot's count, where the
  // secretariat entered one, stands for the chat's.
  const rows = await queryRows<{
    position: number;
    registration_id: number;
    label: string;
    threshold_percent: number;
    agree: number;
    disagree: number;
    paper_total: number | null;
  }>(
    db,
    sql`select c.position, c.registration_id::int as registration_id, c.label, c.threshold_percent,
               (c.paper_agree + c.paper_disagree)::int as paper_total,
               coalesce(c.paper_agree, count(b.ballot_ref) filter (where not c.position = any(b.disagree)))::int as agree,
               coalesce(c.paper_disagree, count(b.ballot_ref) filter (where c.position = any(b.disagree)))::int as disagree
        from ballot_candidates c left join ballots b on b.session_id = c.session_id
        where c.session_id = ${sessionId} group by c.id order by c.position`,
  );
  const [voters] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from ballot_voters where session_id = ${sessionId}`);
  const membersTotal = session.membersTotal ?? 0;
  const voted = voters?.count ?? 0;
  // A paper count says how many ballots were cast on paper: the quorum counts those too.
  const onPaper = Math.max(0, ...rows.map((row) => row.paper_total ?? 0));
  const quorum = quorumMet(Math.max(voted, onPaper), membersTotal, session.quorumPercent);
  return {
    membersTotal,
    voted,
    quorumPercent: session.quorumPercent,
    quorumMet: quorum,
    candidates: rows.map((row) => ({
      position: row.position,
      registrationId: row.registration_id,
      label: row.label,
      agree: row.agree,
      disagree: row.disagree,
      thresholdPercent: row.threshold_percent,
      passed: quorum && passes(row.agree, membersTotal, row.threshold_percent),
    })),
  };
}
