import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { type ChannelMonth, channelMonthsOf } from "./months.js";

export type ChannelReach = { channel: string; linked: number; unreachable: number };
export type UnreachedPerson = { name: string; unit: string; channel: string; reason: string; rerouted: string | null };

/** What /status shows: each channel's month, how many people each reaches, and who was not reached this month. */
export async function deliveryStatus(db: Database, month: string): Promise<{ months: ChannelMonth[]; reach: ChannelReach[]; unreached: UnreachedPerson[] }> {
  const [months, reach, unreached] = await Promise.all([
    channelMonthsOf(db, month),
    queryRows<ChannelReach>(
      db,
      sql`select platform as channel, count(*) filter (where not blocked)::int as linked, count(*) filter (where blocked)::int as unreachable
        from chat_accounts where person_id is not null and linked_at is not null group by platform order by platform`,
    ),
    queryRows<UnreachedPerson>(
      db,
      sql`select p.full_name as name, u.name as unit, r.channel, r.reason, r.rerouted
        from unreached_people r join people p on p.id = r.person_id join units u on u.id = p.unit_id
        where r.month = ${month} order by r.rerouted nulls first, u.name, p.full_name`,
    ),
  ]);
  return { months, reach, unreached };
}
