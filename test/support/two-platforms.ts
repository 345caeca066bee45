import { pino } from "pino";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import { type FakeTelegram, TEST_TOKEN } from "./fake-telegram.js";
import { type FakeZalo, ZALO_TEST_TOKEN } from "./fake-zalo.js";
import { TEST_BALLOT_SECRET, type TestClock } from "./harness.js";

/** Telegram and the Zalo bot configured together in one process, polling, with no background work. */
export async function telegramAndZaloApp(
  database: DatabaseHandle,
  fakes: { telegram: FakeTelegram; zalo: FakeZalo },
  clock: TestClock,
  settings: Record<string, string> = {},
): Promise<App> {
  const config = loadConfig({
    BALLOT_SECRET: TEST_BALLOT_SECRET,
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fakes.telegram.apiRoot,
    ZALO_BOT_TOKEN: ZALO_TEST_TOKEN,
    ZALO_API_ROOT: fakes.zalo.apiRoot,
    LOG_LEVEL: "silent",
    ...settings,
  });
  const app = await createApp(config, { database, clock: clock.now, logger: pino({ level: "silent" }), background: false });
  await app.start();
  return app;
}
