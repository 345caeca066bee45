import { sql } from "drizzle-orm";
import { type DatabaseHandle, openDatabase, queryRows } from "../src/db/client.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { startInstance, stopInstance } from "./instances.js";
import { seed } from "./province-seed.js";
import { log, round, scratchPostgres } from "./support.js";
import { load } from "./webhook.js";

const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);

/** Agency 1's year under way: its 2024 duties done, this quarter's duties and digest sent, as in the webhook bench. */
async function yearUnderWay(database: DatabaseHandle): Promise<number[]> {
  await database.asOwner(async (owner) => {
    await owner.execute(sql`update plan_task_units set done_at = now() where agency_id = 1`);
    await owner.execute(
      sql`insert into plans (agency_id, year, plan_key, title, source_name, imported_at) values (1, extract(year from now())::int, 'now', 'Now', 'bench', now())`,
    );
    await owner.execute(sql`insert into plan_tasks (agency_id, plan_id, quarter, number, content, due_at)
      select 1, (select id from plans where agency_id = 1 and plan_key = 'now'), extract(quarter from now())::int, i::text, 'Nhiệm vụ số ' || i, now() + interval '20 days'
      from generate_series(1, 300) i`);
    await owner.execute(sql`insert into plan_task_units (agency_id, task_id, unit_id, role)
      select 1, t.id, u.id, 'lead' from plan_tasks t join units u on u.agency_id = 1 and u.code = 'U' || (1 + t.id % 50)
      where t.plan_id = (select id from plans where agency_id = 1 and plan_key = 'now')`);
    await owner.execute(sql`insert into outbox (agency_id, dedupe_key, notification_key, kind, chat_account_id, platform, chat_id, payload, not_before, status, sent_at)
      select 1, k.key || ':acct:' || a.id, k.key, 'quarter-digest', a.id, a.platform, a.chat_id, '{"text":"-"}'::jsonb, now(), 'sent', now()
      from chat_accounts a
      cross join lateral (select 'digest:' || extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int || '-Q'
        || extract(quarter from now() at time zone 'Asia/Ho_Chi_Minh')::int || ':person:' || a.person_id as key) k
      where a.agency_id = 1
      on conflict do nothing`);
    await owner.execute(sql`analyze`);
  });
  const heads = await queryRows<{ chat: string }>(
    database.db,
    sql`select a.chat_id as chat from chat_accounts a join people p on p.id = a.person_id where 'head' = any(p.roles)`,
  );
  return heads.map((row) => Number(row.chat));
}

/**
 * /me and /tasks p99 of agency 1: in the province's database under row-level security, and in a
 * database of that agency alone with row-level security disabled on every table — what a
 * deployment of one agency was before it (disabling it in the province's database would show
 * every agency's rows: another run, not the same one). Alternated twice; each its own instance.
 */
export async function withAndWithoutPolicies(province: { database: DatabaseHandle; url: string }) {
  const alone = await scratchPostgres();
  const single = await openDatabase({ databaseUrl: alone.url });
  await single.migrate();
  await seed(single, 1);
  const tables = (
    await single.asOwner((owner) => queryRows<{ name: string }>(owner, sql`select tablename as name from pg_tables where schemaname = 'public'`))
  ).map((row) => row.name);
  await single.asOwner(async (owner) => {
    for (const table of tables) await owner.execute(sql.raw(`alter table "${table}" disable row level security`));
  });
  const chats = await yearUnderWay(province.database);
  const chatsAlone = await yearUnderWay(single);
  const fake = await FakeTelegram.start();
  fake.rateLimitPerSecond = 1_000_000;
  const withPolicies = await startInstance(province.url, fake.apiRoot, 18_091, { BROADCAST_RATE: "100" });
  const without = await startInstance(alone.url, fake.apiRoot, 18_092, { BROADCAST_RATE: "100" });
  const runs: Record<string, { on: number[]; off: number[] }> = { me: { on: [], off: [] }, tasks: { on: [], off: [] } };
  try {
    // Warm-up, not counted: both instances' pools, caches and JIT.
    for (const name of ["me", "tasks"]) {
      await load(fake, [withPolicies], `/${name}`, chats, 3);
      await load(fake, [without], `/${name}`, chatsAlone, 3);
    }
    for (const on of [true, false, true, false]) {
      for (const name of ["me", "tasks"] as const) {
        const result = await load(fake, [on ? withPolicies : without], `/${name}`, on ? chats : chatsAlone, SECONDS);
        runs[name]?.[on ? "on" : "off"].push(result.p99_ms);
        log(
          `  /${name} ${on ? "in the province, row-level security on" : "agency alone, row-level security off"}: ${result.updates_per_s} updates/s, p99 ${result.p99_ms} ms`,
        );
      }
    }
  } finally {
    await stopInstance(withPolicies);
    await stopInstance(without);
    await fake.close();
    await single.close();
    await alone.drop();
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return Object.fromEntries(
    Object.entries(runs).map(([name, { on, off }]) => [name, { p99_ms_on: on, p99_ms_off: off, ratio: round(mean(on) / mean(off), 2) }]),
  );
}
