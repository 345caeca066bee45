import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { addLocalDays, formatDate, localDay } from "../../domain/calendar.js";
import { emulationYear } from "../campaigns/campaigns.js";
import type { Notification } from "../outbox.js";
import { registrationReminder } from "../registrations/index.js";
import { hasLiveIndividual } from "../registrations/live.js";
import { keyed, type SweepContext } from "./context.js";

/** 7, 3 and 1 days before the registration deadline: everyone not registered yet is reminded. */
export async function registrationDeadlineReminders(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone } = context;
  const year = await emulationYear(db, now, zone);
  const [campaign] = await queryRows<{ title: string; deadline_at: string; launched_at: string }>(
    db,
    sql`select title, deadline_at::text as deadline_at, launched_at::text as launched_at from campaigns where year = ${year}`,
  );
  if (!campaign) return [];
  const deadline = new Date(campaign.deadline_at);
  if (new Date(campaign.launched_at) > now || deadline <= now) return [];
  const deadlineDay = localDay(deadline, zone);
  // The closest offset whose day has come: 2 days before the deadline is the T-3 reminder.
  const offset = [...new Set(context.days)].sort((a, b) => a - b).find((days) => addLocalDays(deadlineDay, -days) <= today);
  if (offset === undefined) return [];
  const key = keyed(sql`${`register-deadline:${year}:T-${offset}:person:`} || p.id::text`);
  const rows = await queryRows<{ person_id: number; notification_key: string }>(
    db,
    sql`select p.id::int as person_id, ${key.column} from people p ${key.join}
        where p.active and not ${hasLiveIndividual(sql`p.id`, year)}
          and exists (select 1 from chat_accounts a where a.person_id = p.id and not a.blocked)
          and ${key.notQueued}`,
  );
  const details = { title: campaign.title, deadline: formatDate(deadline, zone) };
  return rows.map(({ person_id: personId, notification_key: dedupeKey }) => ({
    ...registrationReminder({ personId, dedupeKey, notBefore: context.notBefore, campaign: details, translate: context.translate }),
    // A T-3 reminder held over the weekend gives way to the T-1 one: one message, not two.
    supersedes: `register-deadline:${year}:T-%:person:${personId}`,
  }));
}
