import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createI18n } from "../src/bot/i18n.js";
import { openDatabase, queryRows } from "../src/db/client.js";
import { confirmBroadcast, createDraft } from "../src/services/campaigns/broadcasts.js";
import { sweepReminders } from "../src/services/reminders/index.js";
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { postgresCpuMs } from "./instances.js";
import { log, round, scratchPostgres } from "./support.js";
import { withAndWithoutPolicies } from "./province-policies.js";
import { PEOPLE, seed } from "./province-seed.js";

const root = path.resolve(import.meta.dirname, "..");
// The province: 60 agencies of 2,000 people; smaller ones for a quick look.
const AGENCIES = Number(process.env.BENCH_PROVINCE_AGENCIES ?? 60);
// Each agency's own Telegram bot token: 30 messages a second.
const RATE = 30;
const INSTANCES = 2;
// How many agencies' minute sweeps run side by side (each process sweeps on its own minute).
const SWEEPS_AT_ONCE = Number(process.env.BENCH_PROVINCE_SWEEPS_AT_ONCE ?? 6);
const i18n = createI18n();
const translate = (locale: string, key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);

/** Each agency's launch, confirmed by its secretary: one outbox row per member of staff. */
async function queueLaunches(url: string, agencyIds: number[]): Promise<void> {
  for (const agencyId of agencyIds) {
    const agency = await openDatabase({ databaseUrl: url, agencyId, maxConnections: 1 });
    const [secretary] = await queryRows<{ id: number }>(agency.db, sql`select id::int as id from people where staff_code = 'P1'`);
    const now = new Date();
    const personId = secretary?.id as number;
    const id = await createDraft(agency.db, {
      personId,
      text: "📣 <b>Phát động</b> phong trào thi đua năm 2026",
      documentFileId: null,
      documentName: null,
      audience: { kind: "all" },
      launch: { year: 2026, title: "Phong trào thi đua năm 2026", deadlineAt: "2026-01-30T23:59:59+07:00" },
      now,
    });
    await confirmBroadcast(
      agency.db,
      { broadcastId: id, personId, progress: { platform: "telegram", chatId: String(personId), messageId: 1 } },
      { clock: () => now, timeZone: "Asia/Ho_Chi_Minh", actor: { personId, label: "bench" }, translate: () => "Đăng ký ngay" },
    );
    await agency.close();
  }
}

/** The instances, each serving its share of the agencies, until every launch is sent. */
async function launch(url: string, fakes: Map<number, FakeTelegram>) {
  const ids = [...fakes.keys()];
  const shares = Array.from({ length: INSTANCES }, (_, index) => ids.filter((_id, position) => position % INSTANCES === index));
  const started = performance.now();
  const postgresBefore = postgresCpuMs();
  const ownBefore = process.cpuUsage();
  const workers = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ handled: number; cpu_ms: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", "bench/province-worker.ts"], {
            cwd: root,
            env: {
              PATH: process.env.PATH,
              HOME: process.env.HOME,
              DATABASE_URL: url,
              BENCH_RATE: String(RATE),
              BENCH_AGENCIES: JSON.stringify(share.map((id) => ({ id, apiRoot: fakes.get(id)?.apiRoot }))),
            },
            stdio: ["ignore", "pipe", "inherit"],
          });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
          });
          child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`instance exited with ${code}`))));
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const postgresCpu = postgresCpuMs() - postgresBefore;
  const own = process.cpuUsage(ownBefore);
  let accepted = 0;
  let rateLimited = 0;
  let lost = 0;
  let duplicates = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  const perAgency: number[] = [];
  for (const fake of fakes.values()) {
    accepted += fake.acceptedAt.length;
    rateLimited += fake.rateLimited;
    first = Math.min(first, fake.acceptedAt[0] ?? first);
    last = Math.max(last, fake.acceptedAt.at(-1) ?? 0);
    const span = ((fake.acceptedAt.at(-1) ?? 0) - (fake.acceptedAt[0] ?? 0)) / 1000;
    perAgency.push(span > 0 ? (fake.acceptedAt.length - 1) / span : 0);
    const byChat = new Map<string, number>();
    for (const call of fake.calls)
      if (call.method === "sendMessage") byChat.set(String(call.payload.chat_id), (byChat.get(String(call.payload.chat_id)) ?? 0) + 1);
    duplicates += [...byChat.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    lost += PEOPLE - byChat.size;
  }
  const sumOfRates = fakes.size * RATE;
  const rate = accepted / ((last - first) / 1000);
  return {
    people: fakes.size * PEOPLE,
    seconds: round(seconds),
    msgs_per_s: round(rate),
    sum_of_channel_rates: sumOfRates,
    share_of_sum: round(rate / sumOfRates, 3),
    slowest_agency_msgs_per_s: round(Math.min(...perAgency)),
    http_429: rateLimited,
    lost,
    duplicates,
    // Where the two cores went, per message: the instances, Postgres, the fake APIs and the bench.
    cpu_ms_per_message: {
      instances: round(workers.reduce((sum, worker) => sum + worker.cpu_ms, 0) / accepted, 2),
      postgres: round(postgresCpu / accepted, 2),
      fake_apis: round((own.user + own.system) / 1000 / accepted, 2),
    },
  };
}

/**
 * Every agency's catch-up sweep (quarter digests, pings, overdue digests all due at once), a few
 * side by side as their processes' minutes fall; each with its pool open, as a running agency's is.
 */
async function sweeps(url: string, agencyIds: number[]) {
  const now = new Date("2024-06-24T08:00:00+07:00");
  const each: number[] = [];
  let queued = 0;
  const started = performance.now();
  const waiting = [...agencyIds];
  await Promise.all(
    Array.from({ length: SWEEPS_AT_ONCE }, async () => {
      for (let agencyId = waiting.shift(); agencyId !== undefined; agencyId = waiting.shift()) {
        const agency = await openDatabase({ databaseUrl: url, agencyId, maxConnections: 4 });
        // A running agency's pool is open: its connections' start-up is not the sweep's.
        await Promise.all(Array.from({ length: 4 }, () => agency.db.execute(sql`select pg_sleep(0.01)`)));
        const sweepStarted = performance.now();
        queued += (await sweepReminders(agency.db, { now, translate })).length;
        each.push(performance.now() - sweepStarted);
        await agency.close();
      }
    }),
  );
  each.sort((a, b) => a - b);
  return {
    all_agencies_s: round((performance.now() - started) / 1000, 2),
    median_agency_ms: round(each[Math.floor(each.length / 2)] ?? 0, 0),
    slowest_agency_ms: round(each.at(-1) ?? 0, 0),
    queued,
  };
}

/**
 * A province on one Postgres (issue 39): AGENCIES agencies of PEOPLE each, every one with its own
 * Telegram bot; every agency launches at once through two instances; every agency's catch-up sweep;
 * /me and /tasks p99 with row-level security on and off.
 */
export async function province(): Promise<Record<string, unknown>> {
  if (!process.env.DATABASE_URL) {
    log("province: needs DATABASE_URL (a province's agencies share one Postgres); skipped");
    return { bench: "province", skipped: "DATABASE_URL not set" };
  }
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  const scratch = await scratchPostgres();
  const database = await openDatabase({ databaseUrl: scratch.url });
  await database.migrate();
  const figures: Record<string, unknown> = { bench: "province", agencies: AGENCIES, people_each: PEOPLE, instances: INSTANCES };
  try {
    const seeded = performance.now();
    await seed(database, AGENCIES);
    const ids = (await database.asOwner((owner) => queryRows<{ id: number }>(owner, sql`select id from agencies order by id`))).map((row) => row.id);
    log(`${ids.length} agencies × ${PEOPLE} people seeded in ${round((performance.now() - seeded) / 1000)} s`);
    await queueLaunches(scratch.url, ids);
    const fakes = new Map<number, FakeTelegram>();
    for (const id of ids) {
      const fake = await FakeTelegram.start();
      fake.rateLimitPerSecond = RATE;
      fakes.set(id, fake);
    }
    figures.launch = await launch(scratch.url, fakes);
    log(`launch: ${JSON.stringify(figures.launch)}`);
    for (const fake of fakes.values()) await fake.close();
    // What autovacuum does after 120,000 updates, done now rather than during the next figures.
    await database.asOwner((owner) => owner.execute(sql`vacuum analyze`));
    figures.catch_up_sweep = await sweeps(scratch.url, ids);
    log(`catch-up sweep: ${JSON.stringify(figures.catch_up_sweep)}`);
    figures.row_level_security = await withAndWithoutPolicies({ database, url: scratch.url });
    figures.targets = { share_of_sum: 0.95, http_429: 0, lost: 0, duplicates: 0, all_agencies_sweep_s: 2, p99_ratio: 1.1 };
  } finally {
    await database.close();
    await scratch.drop();
  }
  return figures;
}
