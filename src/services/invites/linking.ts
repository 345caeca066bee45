import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { BroadcastAudience } from "../../domain/notifications.js";
import { audienceCondition } from "../campaigns/broadcasts.js";

/** Whether the person (a SQL expression of their id) has a chat account, blocked or not, on some platform. */
export function hasLinkedChat(personId: SQL): SQL {
  return sql`exists (select 1 from chat_accounts a where a.person_id = ${personId})`;
}

const LINKED = hasLinkedChat(sql`p.id`);

export type UnitLinking = { unitId: number; code: string; name: string; staff: number; linked: number; unlinked: number };

/** Per unit, how many of its active people have linked a chat account and how many have not. */
export async function linkingByUnit(db: Database): Promise<UnitLinking[]> {
  return queryRows<UnitLinking>(
    db,
    sql`select u.id::int as "unitId", u.code, u.name, count(p.id)::int as staff,
               count(p.id) filter (where ${LINKED})::int as linked,
               count(p.id) filter (where not ${LINKED})::int as unlinked
        from units u join people p on p.unit_id = u.id and p.active
        group by u.id, u.code, u.name order by u.name`,
  );
}

/** A unit's active people who have not linked any chat account yet. */
export async function unlinkedPeople(db: Database, unitId: number): Promise<{ fullName: string; staffCode: string; position: string }[]> {
  return queryRows(
    db,
    sql`select p.full_name as "fullName", p.staff_code as "staffCode", p.position from people p
        where p.active and p.unit_id = ${unitId} and not ${LINKED} order by p.full_name`,
  );
}

export type AudienceReach = { onRoster: number; reached: number; unlinked: number };

/**
 * What an audience amounts to: the people on the roster it means, how many of them a message
 * reaches now, and how many have not linked (the rest have blocked the bot).
 */
export async function audienceReach(db: Database, audience: BroadcastAudience): Promise<AudienceReach> {
  const [row] = await queryRows<AudienceReach>(
    db,
    sql`select count(*)::int as "onRoster",
               count(*) filter (where exists (select 1 from chat_accounts a where a.person_id = p.id and not a.blocked))::int as reached,
               count(*) filter (where not ${LINKED})::int as unlinked
        from people p where p.active and ${audienceCondition(audience)}`,
  );
  return row ?? { onRoster: 0, reached: 0, unlinked: 0 };
}
