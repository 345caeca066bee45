import { eq } from "drizzle-orm";
import { loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { chatAccounts, people } from "../../src/db/schema/index.js";
import type { TdktBot } from "../../src/bot/index.js";
import type { OutgoingMessage } from "../../src/scheduler/dispatcher.js";
import type { ChatPlatform } from "../../src/transports/platform.js";
import type { WebhookServer } from "../../src/transports/http/server.js";
import { nextWith, type Shown } from "./fake-telegram.js";
import { FakeZalo, ZALO_TEST_TOKEN, zaloChatId } from "./fake-zalo.js";
import { FakeZaloOa, OA_APP_ID, OA_APP_SECRET, OA_FIRST_REFRESH_TOKEN, OA_ID, OA_SECRET_KEY, oaUserId } from "./fake-zalo-oa.js";
import { type BotWorld, startBotWorld, TestClock, testApp, testDispatcher } from "./harness.js";
import { freePort } from "./ports.js";

export type TestPlatform = "telegram" | "zalo" | "zalo_oa";
/** The end-to-end suites that every platform must pass run once per platform. */
export const PLATFORMS: TestPlatform[] = ["telegram", "zalo", "zalo_oa"];

/** A person in a chat, whatever the platform: they type, choose among what they are shown, and read. */
export interface ChatTestUser {
  readonly id: number;
  send(text: string): unknown;
  press(on: Shown, label: string): unknown;
  next(): Promise<Shown>;
  ask(text: string): Promise<Shown>;
  /** Sends a file where the command says to (on Zalo: through the upload link it answers with). */
  sendFile(command: string, fileName: string, bytes: Buffer): Promise<{ status: number; page: string }>;
}

/** The bot running on one platform against that platform's fake API. */
export type ChatWorld = {
  platform: TestPlatform;
  bot: TdktBot;
  clock: TestClock;
  user(profile: { id: number; first_name: string }): ChatTestUser;
  unread(userId: number): Shown[];
  markRead(userId: number): void;
  /** Everything the fake API refused or would have shown wrongly. */
  violations: string[];
  /** Links a test user's chat on this platform to a person, as a redeemed invite would. */
  link(db: Database, staffCode: string, userId: number): Promise<number>;
  /** Drains the outbox into this platform's fake API; `onSend` sees each message as it goes. */
  deliverNotifications(db: Database, onSend?: (message: OutgoingMessage) => void): Promise<number>;
  /** The Telegram world underneath, for what only Telegram can do (forged button data, documents). */
  telegram: BotWorld | undefined;
  zalo: { fake: FakeZalo; server: WebhookServer | undefined } | undefined;
  oa: FakeZaloOa | undefined;
  close(): Promise<void>;
};

export const ZALO_WEBHOOK_SECRET = "zalo-webhook-secret-for-tests";
/** Signs the download links of the Zalo world: a key of its own, never the webhook secret. */
export const DOWNLOAD_SIGNING_KEY = "download-signing-key-of-the-tests-0123456789";

export async function startChatWorld(
  platform: TestPlatform,
  db: Database,
  /** `env`: more settings (CHANNEL_SECRETS_KEY…), on top of the platform's own. */
  options: { at?: string; mode?: "polling" | "webhook"; rateLimitPerSecond?: number; env?: Record<string, string> } = {},
): Promise<ChatWorld> {
  if (platform === "telegram") {
    const world = await startBotWorld(db, {
      ...(options.at ? { at: options.at } : {}),
      ...(options.mode ? { mode: options.mode } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    if (options.rateLimitPerSecond) world.fake.rateLimitPerSecond = options.rateLimitPerSecond;
    return {
      platform,
      bot: world.bot,
      clock: world.clock,
      user: (profile) => world.fake.user(profile),
      unread: (userId) => world.fake.unread(userId),
      markRead: (userId) => world.fake.markRead(userId),
      violations: world.fake.violations,
      link: (database, staffCode, userId) => linkAccount(database, "telegram", staffCode, String(userId)),
      deliverNotifications: (database, onSend) => testDispatcher(world, database, onSend).drainAll(),
      telegram: world,
      zalo: undefined,
      oa: undefined,
      close: () => world.close(),
    };
  }
  return platform === "zalo" ? startZaloWorld(db, options) : startOaWorld(db, options);
}

/** The bot on the Zalo Official Account, in webhook mode (the only one the OA has), against the fake OA API. */
async function startOaWorld(db: Database, options: { at?: string; env?: Record<string, string> }): Promise<ChatWorld> {
  const fake = await FakeZaloOa.start();
  const clock = new TestClock(new Date(options.at ?? "2026-02-02T09:00:00+07:00"));
  fake.now = clock.now;
  const port = await freePort();
  const config = loadConfig({ ...OA_WEBHOOK_SETTINGS(fake.root, port), LOG_LEVEL: "silent", DOWNLOAD_SIGNING_KEY, ...options.env });
  fake.webhookUrl = `http://127.0.0.1:${port}/zalo-oa`;
  const app = await testApp(config, db, clock, fake.violations);
  await app.start();
  const oa = app.platforms.zalo_oa as ChatPlatform;
  return {
    platform: "zalo_oa",
    bot: oa.bot,
    clock,
    user: (profile) => fake.user(profile),
    unread: (userId) => fake.unread(userId),
    markRead: (userId) => fake.markRead(userId),
    violations: fake.violations,
    async link(database, staffCode, userId) {
      // Linked by sending the invite code just now: a follower whose window is open.
      fake.followerSince(userId, clock.now());
      const account = await linkAccount(database, "zalo_oa", staffCode, oaUserId(userId));
      await database.update(chatAccounts).set({ lastInboundAt: clock.now() }).where(eq(chatAccounts.id, account));
      return account;
    },
    async deliverNotifications(database, onSend) {
      // The suites that run on every platform are about conversations, and their people use the
      // bot daily: their windows are open. The windows themselves are zalo-oa-delivery.test.ts's.
      await database.update(chatAccounts).set({ lastInboundAt: clock.now(), windowSends: 0 }).where(eq(chatAccounts.platform, "zalo_oa"));
      fake.everyoneInteractedAt(clock.now());
      return testDispatcher({ app }, db, onSend).drainAll();
    },
    telegram: undefined,
    zalo: undefined,
    oa: fake,
    async close() {
      await fake.close();
      await app.stop();
    },
  };
}

/**
 * The OA's settings for a test against the fake at `root`, in webhook mode (the OA has no other)
 * on `port` of this machine; Telegram's webhook secret is required by the mode and unused.
 */
export const OA_WEBHOOK_SETTINGS = (root: string, port: number) => ({
  ...OA_TEST_SETTINGS(root),
  BOT_MODE: "webhook",
  WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
  WEBHOOK_SECRET: "telegram-secret-unused-on-the-oa",
  PORT: String(port),
});

/** The OA's settings for a test against the fake at `root`. */
export const OA_TEST_SETTINGS = (root: string) => ({
  ZALO_OA_APP_ID: OA_APP_ID,
  ZALO_OA_APP_SECRET: OA_APP_SECRET,
  ZALO_OA_ID: OA_ID,
  ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
  ZALO_OA_REFRESH_TOKEN: OA_FIRST_REFRESH_TOKEN,
  ZALO_OA_API_ROOT: root,
  ZALO_OA_OAUTH_ROOT: root,
});

async function startZaloWorld(db: Database, options: { at?: string; mode?: "polling" | "webhook"; env?: Record<string, string> }): Promise<ChatWorld> {
  const fake = await FakeZalo.start();
  const clock = new TestClock(new Date(options.at ?? "2026-02-02T09:00:00+07:00"));
  const port = options.mode === "webhook" ? await freePort() : 0;
  const config = loadConfig({
    ZALO_BOT_TOKEN: ZALO_TEST_TOKEN,
    ZALO_API_ROOT: fake.apiRoot,
    LOG_LEVEL: "silent",
    ...(options.mode === "webhook"
      ? {
          BOT_MODE: "webhook",
          WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
          WEBHOOK_SECRET: "telegram-secret-unused-on-zalo",
          ZALO_WEBHOOK_SECRET,
          DOWNLOAD_SIGNING_KEY,
          PORT: String(port),
        }
      : {}),
    ...options.env,
  });
  const app = await testApp(config, db, clock, fake.violations);
  await app.start();
  if (options.mode === "webhook") fake.useWebhook();
  const zalo = app.platforms.zalo as ChatPlatform;
  return {
    platform: "zalo",
    bot: zalo.bot,
    clock,
    user: (profile) => fake.user(profile),
    unread: (userId) => fake.unread(userId),
    markRead: (userId) => fake.markRead(userId),
    violations: fake.violations,
    link: (database, staffCode, userId) => linkAccount(database, "zalo", staffCode, zaloChatId(userId)),
    deliverNotifications: (_database, onSend) => testDispatcher({ app }, db, onSend).drainAll(),
    telegram: undefined,
    zalo: { fake, server: app.server },
    oa: undefined,
    async close() {
      await app.stop();
      await fake.close();
    },
  };
}

/** Links a chat of a platform to a person directly, as a redeemed invite would. */
export async function linkAccount(db: Database, platform: TestPlatform, staffCode: string, externalId: string): Promise<number> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode));
  if (!person) throw new Error(`no person ${staffCode}`);
  const [account] = await db
    .insert(chatAccounts)
    .values({ platform, externalId, chatId: externalId, personId: person.id, linkedAt: new Date() })
    .returning({ id: chatAccounts.id });
  return (account as { id: number }).id;
}

/**
 * The next message that offers choices, with the text of the messages before it: Zalo splits a
 * long message into parts and puts the options under the last one.
 */
export async function nextWithChoices(user: Pick<ChatTestUser, "next">): Promise<Shown> {
  const texts: string[] = [];
  for (;;) {
    const shown = await user.next();
    texts.push(shown.text);
    if (shown.buttons.length > 0) return { ...shown, text: texts.join("\n") };
  }
}

/** Sends a command and returns the reply that says `answer` (a command may answer with a warning first). */
export async function askFor(user: Pick<ChatTestUser, "ask" | "next">, text: string, answer: string): Promise<Shown> {
  const first = await user.ask(text);
  return first.text.includes(answer) ? first : nextWith(user, answer);
}
