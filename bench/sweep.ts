import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../src/db/client.js";
import { createI18n } from "../src/bot/i18n.js";
import { sweepReminders } from "../src/services/reminders/index.js";
import { DRIVERS, log, round, scratchDatabase } from "./support.js";

const SIZES = (process.env.BENCH_SWEEP_SIZES ?? "1000,10000,100000").split(",").map(Number);
const i18n = createI18n();
const translate = (locale: string, key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);

/** An agency of `people` staff in units of 20 with one linked head each, and people/5 plan tasks spread over 2024. */
async function seed(database: DatabaseHandle, people: number): Promise<void> {
  const { db } = database;
  const unitCount = Math.ceil(people / 20);
  const tasks = Math.ceil(people / 5);
  await db.execute(sql`insert into units (code, name) select 'U' || i, 'Đơn vị ' || i from generate_series(1, ${unitCount}) i`);
  await db.execute(sql`insert into people (staff_code, full_name, position, unit_id, roles)
    select 'P' || i, 'Cán bộ ' || i, 'Chuyên viên', 1 + (i - 1) / 20, case when (i - 1) % 20 = 0 then '{head}'::text[] else '{staff}'::text[] end
    from generate_series(1, ${people}) i`);
  await db.execute(sql`insert into chat_accounts (platform, external_id, chat_id, person_id)
    select 'telegram', id::text, id::text, id from people where 'head' = any(roles)`);
  await db.execute(sql`insert into plans (year, plan_key, title, source_name, imported_at) values (2024, 'bench', 'Bench', 'bench', now())`);
  // Due dates spread over the year's working days, at 23:59 local.
  await db.execute(sql`insert into plan_tasks (plan_id, quarter, number, content, due_at)
    select 1, extract(quarter from d)::int, i::text, 'Nhiệm vụ số ' || i, d + interval '23 hours 59 minutes' - interval '7 hours'
    from (select i, date '2024-01-02' + ((i * 7) % 360) as d from generate_series(1, ${tasks}) i) s`);
  await db.execute(sql`insert into plan_task_units (task_id, unit_id, role)
    select t.id, 1 + (t.id % ${unitCount}), 'lead' from plan_tasks t
    union all
    select t.id, 1 + ((t.id + 7) % ${unitCount}), 'coordinating' from plan_tasks t where ${unitCount} > 7`);
  // The statistics a running agency's tables have; only the tables' owner may gather them.
  await database.asOwner((owner) => owner.execute(sql`analyze`));
}

/**
 * Sweep time at 1,000 / 10,000 / 100,000 people: a catch-up sweep (quarter digests, pings and
 * overdue digests all due at once), the next minutes' (nothing new), and the next working morning's.
 */
export async function sweep(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: "sweep" };
  for (const driver of DRIVERS) {
    for (const people of SIZES) {
      const database = await scratchDatabase(driver);
      const seeded = performance.now();
      await seed(database, people);
      log(`${driver}: ${people} people, ${Math.ceil(people / 5)} tasks seeded in ${round(performance.now() - seeded, 0)} ms`);
      const now = new Date("2024-06-24T08:00:00+07:00");
      const first = performance.now();
      const queued = await sweepReminders(database.db, { now, translate });
      const firstMs = performance.now() - first;
      const again = performance.now();
      const queuedAgain = await sweepReminders(database.db, { now: new Date(now.getTime() + 60_000), translate });
      const againMs = performance.now() - again;
      // The minute right after a catch-up reads its thousands of new outbox rows for the first
      // time (Postgres checks each one's commit then); the minutes after it show the steady state.
      const laterMs: number[] = [];
      for (let minute = 2; minute <= 4; minute++) {
        const started = performance.now();
        await sweepReminders(database.db, { now: new Date(now.getTime() + minute * 60_000), translate });
        laterMs.push(round(performance.now() - started, 0));
      }
      const nextDay = performance.now();
      const queuedNextDay = await sweepReminders(database.db, { now: new Date("2024-06-25T08:00:00+07:00"), translate });
      const nextDayMs = performance.now() - nextDay;
      await database.close();
      log(
        `${driver}: ${people} people — catch-up sweep ${round(firstMs, 0)} ms queued ${queued.length}; next minute ${round(againMs, 0)} ms queued ${queuedAgain.length}, ` +
          `the three after ${laterMs.join(", ")} ms; ` +
          `next working morning ${round(nextDayMs, 0)} ms queued ${queuedNextDay.length}`,
      );
      figures[`${driver}_${people}_next_day_ms`] = round(nextDayMs, 0);
      figures[`${driver}_${people}_next_day_queued`] = queuedNextDay.length;
      figures[`${driver}_${people}_first_ms`] = round(firstMs, 0);
      figures[`${driver}_${people}_queued`] = queued.length;
      figures[`${driver}_${people}_steady_ms`] = round(againMs, 0);
      figures[`${driver}_${people}_later_minutes_ms`] = laterMs;
    }
  }
  figures.target_ms_at_100000 = 1000;
  return figures;
}
