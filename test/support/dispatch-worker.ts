// A separate process draining the outbox, for tests of several instances on one Postgres: the
// dispatcher as the app builds it from the environment the test gives.
import { pino } from "pino";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { TEST_TOKEN } from "./fake-telegram.js";
import { TEST_BALLOT_SECRET } from "./harness.js";

const app = await createApp(loadConfig({ ...process.env, BALLOT_SECRET: TEST_BALLOT_SECRET, TELEGRAM_BOT_TOKEN: TEST_TOKEN, LOG_LEVEL: "silent" }), {
  background: false,
  logger: pino({ level: "silent" }),
});
const [dispatcher] = app.dispatchers(process.env.TDKT_LEASE_MS ? { leaseMs: Number(process.env.TDKT_LEASE_MS) } : {});
const handled = (await dispatcher?.drainAll()) ?? 0;
process.stdout.write(`${JSON.stringify({ handled })}\n`);
await app.stop();
