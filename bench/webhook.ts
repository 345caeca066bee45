import { execFileSync } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows } from "../src/db/client.js";
import { enqueue } from "../src/services/outbox.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { cpuMs, type Instance, postgresCpuMs, postUpdate, rssMb, startInstance, stopInstance } from "./instances.js";
import { log, round, scratchPostgres } from "./support.js";

const root = path.resolve(import.meta.dirname, "..");
const PEOPLE = 1000;
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
// Concurrent deliveries, as Telegram opens up to max_connections to the webhook.
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 16);
// BENCH_WEBHOOK_COMMANDS=/me runs that command alone; BENCH_WEBHOOK_ONE_ONLY=1 stops after the one-instance runs (to profile them).
const COMMANDS = (process.env.BENCH_WEBHOOK_COMMANDS ?? "/me,/tasks").split(",").map((text) => [text, text.slice(1)] as const);
const ONE_ONLY = process.env.BENCH_WEBHOOK_ONE_ONLY === "1";

let updateId = 1;
function commandUpdate(chatId: number, text: string): string {
  const command = text.split(" ")[0] ?? text;
  return JSON.stringify({
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private" },
      from: { id: chatId, is_bot: false, first_name: "B" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: command.length }],
    },
  });
}

/**
 * Offers updates as fast as CONCURRENCY connections allow for SECONDS, round-robin over the
 * instances; an update that gets no 200 is delivered again to the next instance, as Telegram does.
 */
export async function load(fake: FakeTelegram, instances: Instance[], text: string, chats: number[], seconds: number, onSecond?: (second: number) => void) {
  const latencies: number[] = [];
  let redelivered = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  let lastSecond = -1;
  const started = performance.now();
  const delivered: number[] = [];
  const cpuBefore = instances.map((instance) => cpuMs(instance.child.pid));
  const postgresBefore = postgresCpuMs();
  const ownBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const second = Math.floor((performance.now() - started) / 1000);
        if (second !== lastSecond) {
          lastSecond = second;
          onSecond?.(second);
        }
        const chat = chats[next % chats.length] as number;
        const body = commandUpdate(chat, text);
        const id = updateId - 1;
        let attempt = 0;
        for (;;) {
          const live = instances.filter((instance) => instance.child.exitCode === null && instance.child.signalCode === null);
          const target = live[(next + attempt) % live.length] as Instance;
          const sent = performance.now();
          const status = await postUpdate(fake, target.port, body);
          if (status === 200) {
            latencies.push(performance.now() - sent);
            delivered.push(id);
            break;
          }
          attempt++;
          redelivered++;
          // Telegram backs off before delivering again.
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * attempt)));
        }
        next++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Of the instances that lived through the load: the CPU each update costs them.
  const cpu = instances.reduce(
    (sum, instance, index) =>
      instance.child.exitCode === null && instance.child.signalCode === null ? sum + cpuMs(instance.child.pid) - (cpuBefore[index] ?? 0) : sum,
    0,
  );
  const postgresCpu = postgresCpuMs() - postgresBefore;
  const own = process.cpuUsage(ownBefore);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return {
    updates_per_s: round(latencies.length / elapsed),
    p50_ms: at(50),
    p99_ms: at(99),
    cpu_ms_per_update: round(cpu / latencies.length, 2),
    postgres_cpu_ms_per_update: round(postgresCpu / latencies.length, 2),
    // The fake Telegram and the load itself share the machine with the instances.
    bench_cpu_ms_per_update: round((own.user + own.system) / 1000 / latencies.length, 2),
    updates: latencies.length,
    redelivered,
    delivered,
  };
}

const NOTIFICATION = "Thông báo thử tải";
const NOTIFICATION_KIND = "bench-kill";
// Long enough for the dispatcher lease (60 s) to run out and the survivor to take over.
const DRAIN_LIMIT_MS = 120_000;

/**
 * Waits until the outbox holds nothing pending, claimed or sending, watching for rows whose lease
 * ran out more than a dispatcher tick ago without anyone taking them over (stuck).
 */
async function drainAfterKill(db: Database, fake: FakeTelegram, chats: number[]) {
  const started = performance.now();
  let stuck = 0;
  let inFlight = -1;
  for (;;) {
    // Only this notification: the sweeps also queue deadline reminders for later.
    const [row] = await queryRows<{ open: number; held: number; stuck: number }>(
      db,
      sql`select count(*) filter (where status in ('pending', 'claimed', 'sending'))::int as open,
                 count(*) filter (where status in ('claimed', 'sending'))::int as held,
                 count(*) filter (where status in ('claimed', 'sending') and lease_until < now() - interval '5 seconds')::int as stuck
          from outbox where kind = ${NOTIFICATION_KIND}`,
    );
    if (inFlight < 0) inFlight = row?.held ?? 0;
    stuck = Math.max(stuck, row?.stuck ?? 0);
    if (!row?.open || performance.now() - started > DRAIN_LIMIT_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const statuses = await queryRows<{ status: string; count: number }>(
    db,
    sql`select status, count(*)::int as count from outbox where kind = ${NOTIFICATION_KIND} group by status`,
  );
  const count = (...wanted: string[]) => statuses.filter((row) => wanted.includes(row.status)).reduce((sum, row) => sum + row.count, 0);
  const received = new Map<number, number>();
  for (const call of fake.calls) {
    if (call.method === "sendMessage" && call.payload.text === NOTIFICATION)
      received.set(Number(call.payload.chat_id), (received.get(Number(call.payload.chat_id)) ?? 0) + 1);
  }
  const figures = {
    notifications: chats.length,
    held_right_after_kill: inFlight,
    drained_after_s: round((performance.now() - started) / 1000),
    sent: count("sent"),
    unknown: count("unknown"),
    open: count("pending", "claimed", "sending"),
    stuck_beyond_lease: stuck,
    received_twice: [...received.values()].filter((count) => count > 1).length,
  };
  log(
    `outbox after the kill: ${figures.held_right_after_kill} rows held right after it; all settled after ${figures.drained_after_s} s: ${figures.sent} sent, ${figures.unknown} unknown (cut off mid-request, never resent), ${figures.open} open, ${figures.stuck_beyond_lease} stuck beyond their lease, ${figures.received_twice} received twice`,
  );
  return figures;
}

/** Webhook throughput on real Postgres for /me and /tasks at 1 and 2 instances, RSS, and a kill mid-load. */
export async function webhook(): Promise<Record<string, unknown>> {
  if (!process.env.DATABASE_URL) {
    log("webhook: needs DATABASE_URL (several instances share one Postgres); skipped");
    return { bench: "webhook", skipped: "DATABASE_URL not set" };
  }
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  const scratch = await scratchPostgres();
  const database = await openDatabase({ databaseUrl: scratch.url });
  await database.migrate();
  await database.db.execute(sql`insert into units (code, name) select 'U' || i, 'Đơn vị ' || i from generate_series(1, 50) i`);
  await database.db.execute(sql`insert into people (staff_code, full_name, position, unit_id, roles)
    select 'P' || i, 'Cán bộ ' || i, 'Chuyên viên', 1 + (i - 1) % 50, '{head}'::text[] from generate_series(1, ${PEOPLE}) i`);
  await database.db.execute(
    // Menus published long ago, as in steady state (a menu is published once per person and role change).
    sql`insert into chat_accounts (platform, external_id, chat_id, person_id, menu_roles) select 'telegram', (500000 + id)::text, (500000 + id)::text, id, 'head' from people`,
  );
  await database.db.execute(
    sql`insert into plans (year, plan_key, title, source_name, imported_at) values (extract(year from now())::int, 'bench', 'Bench', 'bench', now())`,
  );
  await database.db.execute(sql`insert into plan_tasks (plan_id, quarter, number, content, due_at)
    select 1, extract(quarter from now())::int, i::text, 'Nhiệm vụ số ' || i, now() + interval '20 days' from generate_series(1, 300) i`);
  await database.db.execute(sql`insert into plan_task_units (task_id, unit_id, role) select id, 1 + id % 50, 'lead' from plan_tasks`);
  // The quarter's digests went out when the quarter began, as in a running agency: otherwise,
  // within office hours, the instances' first sweep sends one to every head during the load.
  await database.db.execute(sql`insert into outbox (dedupe_key, notification_key, kind, chat_account_id, platform, chat_id, payload, not_before, status, sent_at)
    select k.key || ':acct:' || a.id, k.key, 'quarter-digest', a.id, a.platform, a.chat_id, '{"text":"-"}'::jsonb, now(), 'sent', now()
    from chat_accounts a
    cross join lateral (select 'digest:' || extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int || '-Q'
      || extract(quarter from now() at time zone 'Asia/Ho_Chi_Minh')::int || ':person:' || a.person_id as key) k`);
  // The statistics a running agency's tables have (an import analyzes its tables, autovacuum the rest).
  await database.asOwner((owner) => owner.execute(sql`analyze`));
  const chats = Array.from({ length: PEOPLE }, (_, i) => 500001 + i);
  const fake = await FakeTelegram.start();
  fake.rateLimitPerSecond = 1_000_000;
  const figures: Record<string, unknown> = { bench: "webhook", driver: "postgres", seconds: SECONDS, concurrency: CONCURRENCY };

  const first = await startInstance(scratch.url, fake.apiRoot, 18_081, { BROADCAST_RATE: "100" });
  const idle = rssMb(first.child.pid);
  for (const [text, name] of COMMANDS) {
    const result = await load(fake, [first], text, chats, SECONDS);
    log(
      `1 instance, ${text}: ${result.updates_per_s} updates/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, CPU per update: instance ${result.cpu_ms_per_update} ms, Postgres ${result.postgres_cpu_ms_per_update} ms, bench ${result.bench_cpu_ms_per_update} ms`,
    );
    figures[`one_${name}`] = {
      updates_per_s: result.updates_per_s,
      p50_ms: result.p50_ms,
      p99_ms: result.p99_ms,
      // Targets (issue 21): ≥ 1,000 updates/s and p99 < 50 ms for /me and /tasks on one instance.
      ratio_to_target: { updates_per_s: round(result.updates_per_s / 1000, 2), p99: round(result.p99_ms / 50, 2) },
      cpu_ms_per_update: result.cpu_ms_per_update,
      postgres_cpu_ms_per_update: result.postgres_cpu_ms_per_update,
    };
  }
  if (ONE_ONLY) {
    await stopInstance(first);
    await fake.close();
    await database.close();
    await scratch.drop();
    return figures;
  }
  const second = await startInstance(scratch.url, fake.apiRoot, 18_082, { BROADCAST_RATE: "100" });
  for (const [text, name] of COMMANDS) {
    const result = await load(fake, [first, second], text, chats, SECONDS);
    log(
      `2 instances, ${text}: ${result.updates_per_s} updates/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, CPU per update: instances ${result.cpu_ms_per_update} ms, Postgres ${result.postgres_cpu_ms_per_update} ms`,
    );
    figures[`two_${name}`] = {
      updates_per_s: result.updates_per_s,
      p50_ms: result.p50_ms,
      p99_ms: result.p99_ms,
      cpu_ms_per_update: result.cpu_ms_per_update,
      postgres_cpu_ms_per_update: result.postgres_cpu_ms_per_update,
    };
  }
  figures.rss_mb = { idle, after_load: [rssMb(first.child.pid), rssMb(second.child.pid)] };
  log(`RSS: idle ${idle} MB; after load ${rssMb(first.child.pid)} and ${rssMb(second.child.pid)} MB`);

  // Kill one instance in the middle of the load, while both also drain a notification to everyone:
  // every update must still be answered exactly once, and no outbox row may stay held by the dead
  // instance beyond its lease.
  await enqueue(
    database.db,
    chats.map((_, index) => ({
      personId: index + 1,
      dedupeKey: `${NOTIFICATION_KIND}:${index + 1}`,
      kind: NOTIFICATION_KIND,
      notBefore: new Date(),
      render: () => ({ text: NOTIFICATION }),
    })),
  );
  // The /me answer (a profile, headed by the person's name). Not the notification, nor the
  // instances' own reminders: within office hours a new database's quarter digests go out to every
  // head in the first minute, and were counted as replies (up to 780 "answers" too many).
  const isReply = (call: FakeTelegram["calls"][number]) => call.method === "sendMessage" && String(call.payload.text).startsWith("<b>Cán bộ ");
  const repliesBefore = fake.calls.filter(isReply).length;
  const killed = await load(fake, [first, second], "/me", chats, 6, (secondOfLoad) => {
    if (secondOfLoad === 3 && second.child.exitCode === null) second.child.kill("SIGKILL");
  });
  const replies = fake.calls.filter(isReply).length - repliesBefore;
  const [processed] = await queryRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from processed_updates where update_id = any(${`{${killed.delivered.join(",")}}`}::bigint[])`,
  );
  figures.kill = {
    updates: killed.updates,
    redelivered: killed.redelivered,
    answered: replies,
    processed: processed?.count ?? 0,
    lost: killed.updates - (processed?.count ?? 0),
  };
  log(
    `kill mid-load: ${killed.updates} updates got 200 (${killed.redelivered} redelivered after the kill), ${replies} replies sent, ${processed?.count} recorded as processed`,
  );
  figures.kill_outbox = await drainAfterKill(database.db, fake, chats);

  await stopInstance(first);
  await fake.close();
  await database.close();
  await scratch.drop();
  figures.targets = { updates_per_s: 1000, p99_ms: 50, rss_mb: 150 };
  return figures;
}
