// A separate process draining the outbox, for tests of several instances on one Postgres.
import { pino } from "pino";
import { openDatabase } from "../../src/db/client.js";
import { Dispatcher } from "../../src/scheduler/dispatcher.js";
import { telegramSender } from "../../src/transports/telegram/index.js";
import { TEST_TOKEN } from "./fake-telegram.js";

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? "" });
const dispatcher = new Dispatcher({
  db: database.db,
  send: telegramSender(TEST_TOKEN, process.env.TELEGRAM_API_ROOT ?? ""),
  logger: pino({ level: "silent" }),
  clock: () => new Date(),
  rate: Number(process.env.BROADCAST_RATE ?? 30),
  ...(process.env.TDKT_LEASE_MS ? { leaseMs: Number(process.env.TDKT_LEASE_MS) } : {}),
});
const handled = await dispatcher.drainAll();
process.stdout.write(`${JSON.stringify({ handled })}\n`);
await database.close();
