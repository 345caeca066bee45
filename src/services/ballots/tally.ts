import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { ballotSessions } from "../../db/schema/index.js";
import { passes, quorumMet } from "../../domain/ballots.js";

export type Tally = {
  membersTotal: number;
  voted: number;
  /** The share of all members that had to vote (null: more than half), and whether they did. */
  quorumPercent: number | null;
  /** Below the quorum the session is void: it has no counts at all (they would tell how the few voted). */
  quorumMet: boolean;
  candidates: {
    position: number;
    registrationId: number;
    label: string;
    agree: number | null;
    disagree: number | null;
    thresholdPercent: number;
    passed: boolean;
  }[];
};

/** How many voted (in chat, in writing, or on a paper count) and whether that meets the quorum. */
export async function turnout(db: Database, sessionId: number, membersTotal: number, quorumPercent: number | null) {
  const [row] = await queryRows<{ voted: number; on_paper: number }>(
    db,
    sql`select (select count(*)::int from ballot_voters where session_id = ${sessionId}) as voted,
               (select coalesce(max(paper_agree + paper_disagree), 0)::int from ballot_candidates where session_id = ${sessionId}) as on_paper`,
  );
  const voted = row?.voted ?? 0;
  // A paper count says how many ballots were cast on paper: the quorum counts those too.
  return { voted, quorumMet: quorumMet(Math.max(voted, row?.on_paper ?? 0), membersTotal, quorumPercent) };
}

/** The result, once voting has closed; before that there is none to give, to anyone. */
export async function ballotTally(db: Database, sessionId: number): Promise<Tally | "not-closed"> {
  const [session] = await db.select().from(ballotSessions).where(eq(ballotSessions.id, sessionId));
  if (session?.status !== "closed") return "not-closed";
  const membersTotal = session.membersTotal ?? 0;
  const { voted, quorumMet: met } = await turnout(db, sessionId, membersTotal, session.quorumPercent);
  // Each ballot agrees with every candidate it does not list; a paper ballot's count, where the
  // secretariat entered one, stands for the chat's.
  const rows = await queryRows<{ position: number; registration_id: number; label: string; threshold_percent: number; agree: number; disagree: number }>(
    db,
    sql`select c.position, c.registration_id::int as registration_id, c.label, c.threshold_percent,
               coalesce(c.paper_agree, count(b.ballot_ref) filter (where not c.position = any(b.disagree)))::int as agree,
               coalesce(c.paper_disagree, count(b.ballot_ref) filter (where c.position = any(b.disagree)))::int as disagree
        from ballot_candidates c left join ballots b on b.session_id = c.session_id
        where c.session_id = ${sessionId} group by c.id order by c.position`,
  );
  return {
    membersTotal,
    voted,
    quorumPercent: session.quorumPercent,
    quorumMet: met,
    candidates: rows.map((row) => ({
      position: row.position,
      registrationId: row.registration_id,
      label: row.label,
      agree: met ? row.agree : null,
      disagree: met ? row.disagree : null,
      thresholdPercent: row.threshold_percent,
      passed: met && passes(row.agree, membersTotal, row.threshold_percent),
    })),
  };
}
