import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import type { TdktBot } from "../../src/bot/index.js";
import { Dispatcher, type OutgoingMessage } from "../../src/scheduler/dispatcher.js";
import { createTelegramBot, runTelegramPolling, telegramSender } from "../../src/transports/telegram.js";
import { registerWebhook, startWebhookServer } from "../../src/transports/webhook.js";
import { FakeTelegram, TEST_TOKEN } from "./fake-telegram.js";

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
  clock: TestClock;
  close(): Promise<void>;
};

const WEBHOOK_SECRET = "telegram-webhook-secret-for-tests";

/**
 * The real Telegram transport against the fake Bot API: long polling through the runner, or the
 * webhook server, to which the fake posts each update once the previous one was answered (and
 * carries out the reply the answer holds), as Telegram does for one chat.
 */
export async function startBotWorld(db: Database, options: { at?: string; mode?: "polling" | "webhook" } = {}): Promise<BotWorld> {
  const fake = await FakeTelegram.start();
  const clock = new TestClock(new Date(options.at ?? "2026-02-02T09:00:00+07:00"));
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const bot = createTelegramBot({ db, config, logger, clock: clock.now }, TEST_TOKEN);
  if (options.mode === "webhook") {
    const server = await startWebhookServer({
      database: { db, ready: async () => true },
      logger,
      port: 0,
      host: "127.0.0.1",
      telegram: { bot, path: "/telegram", secret: WEBHOOK_SECRET },
    });
    await registerWebhook(bot, `http://127.0.0.1:${server.port}/telegram`, WEBHOOK_SECRET);
    let previous: Promise<unknown> = Promise.resolve();
    fake.webhookDelivery = (update) => {
      previous = previous.then(async () => {
        const status = await fake.postToWebhook(`http://127.0.0.1:${server.port}/telegram`, update, WEBHOOK_SECRET);
        if (status !== 200) fake.violations.push(`webhook answered ${status} to update ${update.update_id}`);
      });
    };
    return {
      fake,
      bot,
      clock,
      async close() {
        await previous;
        await server.close();
        await fake.close();
      },
    };
  }
  const stop = new AbortController();
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const running = runTelegramPolling(bot, stop.signal, markReady);
  await Promise.race([ready, running]);
  return {
    fake,
    bot,
    clock,
    async close() {
      stop.abort();
      await running;
      await fake.close();
    },
  };
}

/**
 * A dispatcher that drains the outbox into the fake API as fast as the test needs: the business
 * clock is the world's, and the per-chat second is not waited for (the fake does not limit a chat).
 */
export function testDispatcher(world: BotWorld, db: Database, onSend?: (message: OutgoingMessage) => void, leaseMs?: number): Dispatcher {
  const send = telegramSender(TEST_TOKEN, world.fake.apiRoot);
  return new Dispatcher({
    db,
    logger: pino({ level: "silent" }),
    clock: world.clock.now,
    rate: 1000,
    perChatIntervalMs: 0,
    ...(leaseMs ? { leaseMs } : {}),
    send: async (message) => {
      onSend?.(message);
      return send(message);
    },
  });
}
