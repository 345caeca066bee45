import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";

/** One agency's year as the province follows it. */
export type AgencyFigures = {
  code: string;
  name: string;
  people: number;
  /** Registrations of the year not withdrawn, and of those the ones approved. */
  registered: number;
  approved: number;
  /** Registrations the agency proposed to a higher level after its council's vote. */
  proposedUp: number;
  /** Titles recorded for the year (the agency's own decisions and those come back from above). */
  awarded: number;
  /** Units' shares of plan duties of the year past their day and not done. */
  lateDuties: number;
};

// The figures are counted by one SQL function (migration 0042), for the owner's view and the
// province officer's alike.
const FIGURES = sql`code, name, people, registered, approved, proposed_up as "proposedUp", awarded, late_duties as "lateDuties"`;

/**
 * Every agency's figures for a year, side by side: what the province's administrator reads, on
 * the owner's connection (DatabaseHandle.asOwner), the one that sees every agency's rows.
 */
export function provinceRollup(ownerDb: Database, year: number, now: Date): Promise<AgencyFigures[]> {
  return queryRows<AgencyFigures>(ownerDb, sql`select ${FIGURES} from tdkt_agency_figures(${year}, ${timestamp(now)})`);
}

/**
 * The figures of the agencies under this connection's agency (a province's Ban Thi đua - Khen
 * thưởng): counts only, through a function that reads as the owner and keeps to the members; and
 * how many of the reports it asked for in the year each has sent (its own mail, /upreport).
 */
export async function memberFigures(db: Database, year: number, now: Date): Promise<(AgencyFigures & { reportsSent: number })[]> {
  const [figures, reports] = await Promise.all([
    queryRows<AgencyFigures>(db, sql`select ${FIGURES} from tdkt_member_figures(${year}, ${timestamp(now)})`),
    queryRows<{ code: string; sent: number }>(
      db,
      sql`select r.code, count(distinct (m.payload->>'requestMailId'))::int as sent
          from agency_mail m join tdkt_related_agencies() r on r.id = m.from_agency_id
          where m.kind = 'upward-report' and m.to_agency_id = ${CURRENT_AGENCY}
            and extract(year from m.created_at at time zone 'Asia/Ho_Chi_Minh') = ${year}
          group by r.code`,
    ),
  ]);
  return figures.map((agency) => ({ ...agency, reportsSent: reports.find((row) => row.code === agency.code)?.sent ?? 0 }));
}
