import { pino } from "pino";
import { type Config, loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import type { TdktBot } from "../../src/bot/index.js";
import { type App, createApp } from "../../src/app.js";
import type { Dispatcher, OutgoingMessage } from "../../src/scheduler/dispatcher.js";
import type { ChatPlatform } from "../../src/transports/platform.js";
import { FakeTelegram, TEST_TOKEN } from "./fake-telegram.js";
import { freePort } from "./ports.js";

/** A settable clock: tests move time instead of waiting for it. */
export class TestClock {
  constructor(private current: Date) {}
  readonly now = () => new Date(this.current);
  set(at: Date | string) {
    this.current = new Date(at);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type BotWorld = {
  fake: FakeTelegram;
  bot: TdktBot;
  /** The running system, as main.ts builds it, against the fake Bot API. */
  app: App;
  clock: TestClock;
  close(): Promise<void>;
};

const WEBHOOK_SECRET = "telegram-webhook-secret-for-tests";

/**
 * The system as `npm start` builds it (createApp) with a Telegram token, against the fake Bot
 * API: long polling through the runner, or webhook mode, where the fake posts each update to the
 * registered URL once the previous one was answered (and carries out the call the answer holds),
 * as Telegram does for one chat. No background work: tests drain the outbox themselves.
 */
export async function startBotWorld(
  db: Database,
  options: { at?: string; mode?: "polling" | "webhook"; env?: Record<string, string> } = {},
): Promise<BotWorld> {
  const fake = await FakeTelegram.start();
  const clock = new TestClock(new Date(options.at ?? "2026-02-02T09:00:00+07:00"));
  const port = options.mode === "webhook" ? await freePort() : 0;
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_LEVEL: "silent",
    ...(options.mode === "webhook" ? { BOT_MODE: "webhook", WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`, WEBHOOK_SECRET, PORT: String(port) } : {}),
    ...options.env,
  });
  const app = await testApp(config, db, clock);
  let previous: Promise<unknown> = Promise.resolve();
  if (options.mode === "webhook") {
    fake.webhookDelivery = (update) => {
      previous = previous.then(async () => {
        const url = fake.webhooks.at(-1)?.url ?? "";
        const status = await fake.postToWebhook(url, update, WEBHOOK_SECRET);
        if (status !== 200) fake.violations.push(`webhook answered ${status} to update ${update.update_id}`);
      });
    };
  }
  await app.start();
  return {
    fake,
    bot: (app.platforms.telegram as ChatPlatform).bot,
    app,
    clock,
    async close() {
      await previous;
      await app.stop();
      await fake.close();
    },
  };
}

/**
 * The system as createApp builds it for a test: the test's database and clock, logs silent unless
 * TEST_LOG_LEVEL says otherwise, no background work (tests drain the outbox themselves), the
 * webhook server on loopback, and any Bot API call a plain-text platform cannot carry out
 * reported to `violations`.
 */
export function testApp(config: Config, db: Database, clock: TestClock, violations?: string[]): Promise<App> {
  // The tests' own ballot secret, so no test writes one into ./data.
  return createApp(
    { ...config, ballotSecret: config.ballotSecret ?? TEST_BALLOT_SECRET },
    {
      database: { db, ready: async () => true },
      clock: clock.now,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      background: false,
      listen: { host: "127.0.0.1" },
      ...(violations ? { onUnsupportedCall: (method: string) => violations.push(`a Bot API call this platform cannot carry out: ${method}`) } : {}),
    },
  );
}

export const TEST_BALLOT_SECRET = "the-tests-ballot-secret-0123456789abcdef";

/**
 * A dispatcher that drains the outbox into the fake API as fast as the test needs: the business
 * clock is the world's, and the per-chat second is not waited for (the fake does not limit a chat).
 */
export function testDispatcher(world: { app: App }, _db: Database, onSend?: (message: OutgoingMessage) => void, leaseMs?: number): Dispatcher {
  return world.app.dispatchers({
    rate: 1000,
    perChatIntervalMs: 0,
    ...(leaseMs ? { leaseMs } : {}),
    ...(onSend ? { onSend } : {}),
    logger: pino({ level: "silent" }),
  })[0] as Dispatcher;
}
