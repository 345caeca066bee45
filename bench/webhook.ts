import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/client.js";
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
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
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
      // The heap settings the README recommends for webhook instances (and the Dockerfile sets).
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? INSTANCE_NODE_OPTIONS,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
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
function cpuMs(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

/**
 * POSTs one update the way Telegram does, and has the fake carry out the reply the answer holds;
 * resolves with the status, or 0 if the connection failed.
 */
function post(fake: FakeTelegram, port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/telegram", method: "POST", agent, headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET, "content-length": Buffer.byteLength(body) } },
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
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, from: { id: chatId, is_bot: false, first_name: "B" }, text, entities: [{ type: "bot_command", offset: 0, length: command.length }] },
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
  const cpu = instances.reduce((sum, instance, index) => (instance.child.exitCode === null && instance.child.signalCode === null ? sum + cpuMs(instance.child.pid) - (cpuBefore[index] ?? 0) : sum), 0);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return { updates_per_s: round(latencies.length / elapsed), p50_ms: at(50), p99_ms: at(99), cpu_ms_per_update: round(cpu / latencies.length, 2), updates: latencies.length, redelivered, delivered };
}

/** Webhook throughput on real Postgres for /me and /tasks at 1 and 2 instances, RSS, and a kill mid-load. */
export async function webhook(): Promise<Record<string, unknown>> {
  if (!process.env.DATABASE_URL) {
    log("webhook: needs DATABASE_URL (several instances share one Postgres); skipped");
    return { bench: "webhook", skipped: "DATABASE_URL not set" };
  }
  const scratch = await scratchPostgres();
  const database = await openDatabase({ databaseUrl: scratch.url });
  await database.migrate();
  await database.db.execute(sql`insert into units (code, name) select 'U' || i, 'Đơn vị ' || i from generate_series(1, 50) i`);
  await database.db.execute(sql`insert into people (staff_code, full_name, position, unit_id, roles)
    select 'P' || i, 'Cán bộ ' || i, 'Chuyên viên', 1 + (i - 1) % 50, '{head}'::text[] from generate_series(1, ${PEOPLE}) i`);
  await database.db.execute(sql`insert into chat_accounts (platform, external_id, chat_id, person_id) select 'telegram', (500000 + id)::text, (500000 + id)::text, id from people`);
  await database.db.execute(sql`insert into plans (year, plan_key, title, source_name, imported_at) values (extract(year from now())::int, 'bench', 'Bench', 'bench', now())`);
  await database.db.execute(sql`insert into plan_tasks (plan_id, quarter, number, content, due_at)
    select 1, extract(quarter from now())::int, i::text, 'Nhiệm vụ số ' || i, now() + interval '20 days' from generate_series(1, 300) i`);
  await database.db.execute(sql`insert into plan_task_units (task_id, unit_id, role) select id, 1 + id % 50, 'lead' from plan_tasks`);
  const chats = Array.from({ length: PEOPLE }, (_, i) => 500001 + i);
  const fake = await FakeTelegram.start();
  fake.rateLimitPerSecond = 1_000_000;
  const figures: Record<string, unknown> = { bench: "webhook", driver: "postgres", seconds: SECONDS, concurrency: CONCURRENCY };

  const first = await startInstance(scratch.url, fake.apiRoot, 18_081);
  const idle = rssMb(first.child.pid);
  for (const [text, name] of [["/me", "me"], ["/tasks", "tasks"]] as const) {
    const result = await load(fake, [first], text, chats, SECONDS);
    log(`1 instance, ${text}: ${result.updates_per_s} updates/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, instance CPU ${result.cpu_ms_per_update} ms per update`);
    figures[`one_${name}`] = { updates_per_s: result.updates_per_s, p50_ms: result.p50_ms, p99_ms: result.p99_ms, cpu_ms_per_update: result.cpu_ms_per_update };
  }
  const second = await startInstance(scratch.url, fake.apiRoot, 18_082);
  for (const [text, name] of [["/me", "me"], ["/tasks", "tasks"]] as const) {
    const result = await load(fake, [first, second], text, chats, SECONDS);
    log(`2 instances, ${text}: ${result.updates_per_s} updates/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, instance CPU ${result.cpu_ms_per_update} ms per update`);
    figures[`two_${name}`] = { updates_per_s: result.updates_per_s, p50_ms: result.p50_ms, p99_ms: result.p99_ms, cpu_ms_per_update: result.cpu_ms_per_update };
  }
  figures.rss_mb = { idle, after_load: [rssMb(first.child.pid), rssMb(second.child.pid)] };
  log(`RSS: idle ${idle} MB; after load ${rssMb(first.child.pid)} and ${rssMb(second.child.pid)} MB`);

  // Kill one instance in the middle of the load: every update must still be answered exactly once.
  const repliesBefore = fake.calls.filter((call) => call.method === "sendMessage").length;
  const killed = await load(fake, [first, second], "/me", chats, 6, (secondOfLoad) => {
    if (secondOfLoad === 3 && second.child.exitCode === null) second.child.kill("SIGKILL");
  });
  const replies = fake.calls.filter((call) => call.method === "sendMessage").length - repliesBefore;
  const [processed] = (await database.db.execute(sql`select count(*)::int as count from processed_updates where update_id = any(${`{${killed.delivered.join(",")}}`}::bigint[])`)) as unknown as { count: number }[];
  figures.kill = { updates: killed.updates, redelivered: killed.redelivered, answered: replies, processed: processed?.count ?? 0, lost: killed.updates - (processed?.count ?? 0) };
  log(`kill mid-load: ${killed.updates} updates got 200 (${killed.redelivered} redelivered after the kill), ${replies} replies sent, ${processed?.count} recorded as processed`);

  first.child.kill("SIGTERM");
  await new Promise((resolve) => first.child.once("exit", resolve));
  await fake.close();
  await database.close();
  await scratch.drop();
  figures.targets = { me_updates_per_s: 1000, me_p99_ms: 50, rss_mb: 150 };
  return figures;
}
