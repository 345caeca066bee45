// One instance of a province's deployment in the province bench: the dispatchers of the agencies it
// serves, each with its own connection (its agency set), its own channel and that channel's rate.
import { pino } from "pino";
import * as z from "zod";
import { openDatabase } from "../src/db/client.js";
import { Dispatcher } from "../src/scheduler/dispatcher.js";
import { telegramSender } from "../src/transports/telegram/index.js";
import { TEST_TOKEN } from "../test/support/fake-telegram.js";

const served = z.array(z.object({ id: z.number().int().positive(), apiRoot: z.string().url() })).parse(JSON.parse(process.env.BENCH_AGENCIES ?? "[]"));
const rate = Number(process.env.BENCH_RATE ?? 30);
const databaseUrl = z.string().min(1).parse(process.env.DATABASE_URL);
const logger = pino({ level: "silent" });

const handles = await Promise.all(served.map((agency) => openDatabase({ databaseUrl, agencyId: agency.id, maxConnections: 1 })));
const handled = await Promise.all(
  served.map((agency, index) =>
    new Dispatcher({
      db: (handles[index] as (typeof handles)[number]).db,
      send: telegramSender(TEST_TOKEN, agency.apiRoot),
      logger,
      clock: () => new Date(),
      rate,
    }).drainAll(),
  ),
);
await Promise.all(handles.map((handle) => handle.close()));
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ handled: handled.reduce((sum, count) => sum + count, 0), cpu_ms: Math.round((cpu.user + cpu.system) / 1000) })}\n`);
