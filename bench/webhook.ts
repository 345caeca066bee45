import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows } from "../src/db/client.js";
import { enqueue } from "../src/services/outbox.js";
import { FakeTelegram, TEST_TOKEN } from "../test/support/fake-telegram.js";
import { log, round, scratchPostgres } from "./support.js";

const root = path.resolve(import.meta.dirname, "..");
const SECRET = "bench-webhook-secret-0123456789";
const PEOPLE = 1000;
const INSTANCE_NODE_OPTIONS = "--max-semi-space-size=4 --max-old-space-size=112";
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
// Concurrent deliveries, as Telegram opens up to max_connections to the webhook.
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 16);

type Instance = { port: number; child: ChildProcess };

async function startInstance(databaseUrl: string, apiRoot: string, port: number): Promise<Instance> {
  // BENCH_CPU_PROFILE=<dir> writes each instance's V8 CPU profile there when it exits.
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  // The bundle, as `npm start` and the image run it (bench `webhook` builds it first).
  const child = spawn(process.execPath, [...profile, "dist/bundle/main.mjs"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: "warn",
      // Fast enough that the notification in the kill test drains within the bench.
      BROADCAST_RATE: "100",
      // The heap settings the README recommends for webhook instances (and the Dockerfile sets).
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? INSTANCE_NODE_OPTIONS,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { port, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance on port ${port} did not become ready`);
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 0);
}

/** CPU time (user + system) a process has used so far, in ms (Linux counts it in 1/100 s). */
function cpuMs(pid: number | string | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time of the local PostgreSQL server's processes (0 when it runs elsewhere). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") total += cpuMs(pid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

/**
 * POSTs one update the way Telegram does, and has the fake carry out the reply the answer holds;
 * resolves with the status, or 0 if the connection failed.
 */
function post(fake: FakeTelegram, port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/telegram",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const answer = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode === 200 && answer !== "") void fake.executeWebhookAnswer(answer).then(() => resolve(200));
          else resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

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
async function load(fake: FakeTelegram, instances: Instance[], text: string, chats: number[], seconds: number, onSecond?: (second: number) => void) {
  const latencies: number[] = [];
  let redelivered = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  let lastSecond = -1;
  const started = performance.now();
  const delivered: number[] = [];
  const cpuBefore = instances.map((instance) => cpuMs(instance.child.pid));
  const postgresBefore = postgresCpuMs();
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
          const status = await post(fake, target.port, body);
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
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return {
    updates_per_s: round(latencies.length / elapsed),
    p50_ms: at(50),
    p99_ms: at(99),
    cpu_ms_per_update: round(cpu / latencies.length, 2),
    postgres_cpu_ms_per_update: round(postgresCpu / latencies.length, 2),
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
  const chats = Array.from({ length: PEOPLE }, (_, i) => 500001 + i);
  const fake = await FakeTelegram.start();
  fake.rateLimitPerSecond = 1_000_000;
  const figures: Record<string, unknown> = { bench: "webhook", driver: "postgres", seconds: SECONDS, concurrency: CONCURRENCY };

  const first = await startInstance(scratch.url, fake.apiRoot, 18_081);
  const idle = rssMb(first.child.pid);
  for (const [text, name] of [
    ["/me", "me"],
    ["/tasks", "tasks"],
  ] as const) {
    const result = await load(fake, [first], text, chats, SECONDS);
    log(
      `1 instance, ${text}: ${result.updates_per_s} updates/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, CPU per update: instance ${result.cpu_ms_per_update} ms, Postgres ${result.postgres_cpu_ms_per_update} ms`,
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
  const second = await startInstance(scratch.url, fake.apiRoot, 18_082);
  for (const [text, name] of [
    ["/me", "me"],
    ["/tasks", "tasks"],
  ] as const) {
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
  const isReply = (call: FakeTelegram["calls"][number]) => call.method === "sendMessage" && call.payload.text !== NOTIFICATION;
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

  first.child.kill("SIGTERM");
  first.child.kill("SIGTERM");
  await new Promise((resolve) => first.child.once("exit", resolve));
  await fake.close();
  await database.close();
  await scratch.drop();
  figures.targets = { updates_per_s: 1000, p99_ms: 50, rss_mb: 150 };
  return figures;
}
