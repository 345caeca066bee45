import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";

/** People with linked accounts, all of which are blocked or unfollowed: a notification for them would vanish. */
export async function recordSilentlyUnreachable(db: Database, personIds: number[], month: string): Promise<void> {
  if (personIds.length === 0) return;
  await db.execute(sql`insert into unreached_people (person_id, channel, reason, month)
    select a.person_id, a.platform, case when a.platform = 'zalo_oa' then 'unfollowed' else 'blocked' end, ${month}
    from chat_accounts a
    where a.person_id = any(${`{${personIds.join(",")}}`}::bigint[]) and a.blocked and a.linked_at is not null
    on conflict (person_id, channel, reason, month) do nothing`);
}
