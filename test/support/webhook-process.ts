import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { FakeTelegram, TEST_TOKEN } from "./fake-telegram.js";
import { freePort } from "./ports.js";
import { agreeToPrivacy } from "./consent.js";
import { runEntry, startEntry } from "./processes.js";

/** The Node settings docs/operations.md recommends for webhook instances (and the Dockerfile sets). */
export const INSTANCE_NODE_OPTIONS = "--v8-pool-size=1 --max-semi-space-size=8 --max-old-space-size=112";
const SECRET = "hostile-files-webhook-secret";
const CHANNEL_SECRETS_KEY = "channel-secrets-key-of-the-tests-0123456789";

/**
 * `npm start` in webhook mode, as deployed (the heap settings of docs/operations.md), on the demo agency in a fresh
 * embedded database, with the demo secretariat member Trần Thị Thu Hà already linked through
 * her invite: what a hostile upload would reach in production. Every delivery's HTTP status is
 * kept: a 200 is what stops Telegram from delivering an update again.
 */
export async function startWebhookBot(options: { tokenIn?: "environment" | "database" } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tdkt-webhook-"));
  const cli = (...args: string[]) => runEntry("src/cli/index.ts", { args, env: { DATA_DIR: dataDir, CHANNEL_SECRETS_KEY } });
  await cli("seed", "demo");
  // Kept by the province's administrator in the database, sealed, instead of the environment.
  const tokenInDatabase = options.tokenIn === "database";
  if (tokenInDatabase) await cli("agency", "channel", "DEFAULT", "TELEGRAM_BOT_TOKEN", TEST_TOKEN);
  const code = /INVITE (\S+)/.exec((await cli("invite", "DEMO-VP01")).stdout)?.[1];
  if (!code) throw new Error("no invite code");
  const fake = await FakeTelegram.start();
  const port = await freePort();
  // The bundle, as deployed: what bundling could break (a package's own assumptions) shows here.
  const bot = startEntry("dist/bundle/main.mjs", {
    env: {
      DATA_DIR: dataDir,
      ...(tokenInDatabase ? { CHANNEL_SECRETS_KEY } : { TELEGRAM_BOT_TOKEN: TEST_TOKEN }),
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: "info",
      NODE_OPTIONS: INSTANCE_NODE_OPTIONS,
    },
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (!chunk.toString("utf8").includes('"msg":"ready"')) return;
      bot.child.stderr?.off("data", onData);
      resolve();
    };
    bot.child.stderr?.on("data", onData);
    bot.finished.then((run) => reject(new Error(`the bot exited before it was ready: ${run.stderr.slice(-500)}`)), reject);
  });
  const statuses: number[] = [];
  let delivered: Promise<unknown> = Promise.resolve();
  // One delivery at a time, as Telegram sends one chat's updates.
  fake.webhookDelivery = (update: Update) => {
    delivered = delivered.then(() => fake.postToWebhook(`http://127.0.0.1:${port}/telegram`, update, SECRET).then((status) => statuses.push(status)));
  };
  const secretariat = fake.user({ id: 9101, first_name: "Hà" });
  await agreeToPrivacy(secretariat, await secretariat.ask(`/start ${code}`));
  return {
    fake,
    bot,
    dataDir,
    secretariat,
    statuses,
    delivered: () => delivered,
    async close() {
      bot.child.kill("SIGTERM");
      await bot.finished;
      await fake.close();
    },
  };
}
