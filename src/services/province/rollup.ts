import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";

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

/**
 * Every agency's figures for a year, side by side: what a province officer follows. Read on the
 * owner's connection (DatabaseHandle.asOwner), the one that sees every agency's rows; each
 * figure is grouped by agency in the query itself.
 */
export async function provinceRollup(ownerDb: Database, year: number, now: Date): Promise<AgencyFigures[]> {
  return queryRows<AgencyFigures>(
    ownerDb,
    sql`select a.code, a.name,
          (select count(*) from people p where p.agency_id = a.id and p.active)::int as people,
          (select count(*) from registrations r where r.agency_id = a.id and r.year = ${year} and r.status <> 'withdrawn')::int as registered,
          (select count(*) from registrations r where r.agency_id = a.id and r.year = ${year} and r.status = 'approved')::int as approved,
          (select count(distinct e.registration_id) from registration_events e join registrations r on r.id = e.registration_id
             where r.agency_id = a.id and r.year = ${year} and e.action = 'proposed-up')::int as "proposedUp",
          (select count(*) from title_awards t where t.agency_id = a.id and t.year = ${year})::int as awarded,
          (select count(*) from plan_task_units u join plan_tasks k on k.id = u.task_id join plans pl on pl.id = k.plan_id
             where u.agency_id = a.id and pl.year = ${year} and u.done_at is null and u.removed_at is null
               and k.removed_at is null and k.due_at < ${timestamp(now)})::int as "lateDuties"
        from agencies a
        order by a.code`,
  );
}
