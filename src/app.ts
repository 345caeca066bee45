import type { Readable, Writable } from "node:stream";
import type { Logger } from "pino";
import type { BotServices } from "./bot/context.js";
import type { Config } from "./config.js";
import type { Database, DatabaseHandle } from "./db/client.js";
import { openConfiguredDatabase } from "./db/configured.js";
import { type Clock, systemClock } from "./domain/calendar.js";
import { createLogger } from "./logger.js";
import type { Dispatcher, DispatcherOptions, OutgoingMessage } from "./scheduler/dispatcher.js";
import type { SchedulerPlatform } from "./scheduler/index.js";
import { ballotSeal } from "./services/ballots/seal.js";
import { ballotSecret } from "./services/ballots/secret.js";
import { downloadSigningKey } from "./services/platform/downloads.js";
import { reminderSettings } from "./services/reminders/index.js";
import type { ChatPlatform } from "./transports/platform.js";
import type { WebhookServer } from "./transports/http/server.js";

export { openConfiguredDatabase } from "./db/configured.js";

/** What a test (or an embedding program) supplies instead of what the configuration would make. */
export type AppOverrides = {
  /** A database already open and migrated; the app then leaves it open when it stops. */
  database?: Pick<DatabaseHandle, "db" | "ready"> & Partial<Pick<DatabaseHandle, "exclusively">>;
  /** The configured database, already opening (main.ts starts it first); the app owns it. */
  opening?: Promise<DatabaseHandle>;
  clock?: Clock;
  logger?: Logger;
  /** Where the webhook server listens (the configuration's PORT on every address by default). */
  listen?: { host?: string; port?: number };
  /** Reminder sweeps, the dispatchers and progress reports; tests drive the outbox themselves. */
  background?: boolean;
  /** The console chat's terminal. */
  console?: { input: Readable; output: Writable };
  /** Told of a Bot API call a plain-text platform cannot carry out (tests fail on it; production logs it). */
  onUnsupportedCall?: (method: string) => void;
};

export type App = {
  db: Database;
  logger: Logger;
  /** The configured platforms, by name, once `start` has built them. */
  platforms: Partial<Record<ChatPlatform["name"], ChatPlatform>>;
  /** The webhook server, in webhook mode, once started. */
  server: WebhookServer | undefined;
  /** Dispatchers over this app's platforms (one each), for `reminders run` and tests. */
  dispatchers(
    options?: Partial<Pick<DispatcherOptions, "perChatIntervalMs" | "leaseMs" | "logger">> & { rate?: number; onSend?: (message: OutgoingMessage) => void },
  ): Dispatcher[];
  /** Starts taking updates on every platform, then the background work; resolves once ready. */
  start(): Promise<void>;
  /** Resolves when the platforms stop taking updates: the signal, or the console's end of input. */
  finished: Promise<void>;
  stop(): Promise<void>;
};

/**
 * The one composition root: the database, the configured platforms (Telegram, Zalo, or the
 * console chat when neither has a token), the webhook server that serves them in webhook mode,
 * and the scheduler. `main.ts` and the end-to-end tests build the running system through it.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const consoleMode = !config.telegram.token && !config.zalo.token && !config.zaloOa;
  const logger = overrides.logger ?? createLogger(config, consoleMode && !config.logLevelExplicit ? "warn" : config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const { mode } = config;
  // The transports pull in grammY and friends; load them while the database opens, and only those
  // the configuration uses (each is a chunk of its own in the bundle).
  const webhookMode = mode.kind === "webhook" && !consoleMode;
  const [database, telegram, zalo, zaloOa, consoleChat, scheduler, webhook] = await Promise.all([
    overrides.database ?? overrides.opening ?? openConfiguredDatabase(config),
    config.telegram.token ? import("./transports/telegram/index.js") : undefined,
    config.zalo.token ? import("./transports/zalo/index.js") : undefined,
    config.zaloOa ? import("./transports/zalo-oa/index.js") : undefined,
    consoleMode ? import("./transports/console/index.js") : undefined,
    import("./scheduler/index.js"),
    webhookMode ? import("./transports/http/server.js") : undefined,
  ]);
  const ownsDatabase = !overrides.database;
  const { db } = database;
  const services: Omit<BotServices, "platform" | "capabilities"> = { db, config, logger, clock, ballotSeal: ballotSeal(await ballotSecret(config)) };
  const platforms: App["platforms"] = {};
  if (consoleChat) platforms.console = consoleChat.consolePlatform(services, overrides.console);
  if (telegram && config.telegram.token) platforms.telegram = telegram.telegramPlatform(services, config.telegram.token);
  // Signs the download links the webhook server serves (and Zalo users receive).
  const signingKey = mode.kind === "webhook" ? await downloadSigningKey(db, mode.downloadSigningKey) : undefined;
  // Documents a Zalo channel cannot carry reach people as links to this server; without one there is nothing to link to.
  const downloads = mode.kind === "webhook" && signingKey ? { db, baseUrl: mode.url, signingKey } : undefined;
  if (zalo && config.zalo.token) platforms.zalo = zalo.zaloPlatform(services, config.zalo.token, { downloads, onUnsupported: overrides.onUnsupportedCall });
  if (zaloOa && config.zaloOa) platforms.zalo_oa = zaloOa.zaloOaPlatform(services, config.zaloOa, { downloads, onUnsupported: overrides.onUnsupportedCall });
  const all = Object.values(platforms);
  const notifying = all.flatMap((platform): SchedulerPlatform[] =>
    platform.sender && platform.progress ? [{ name: platform.name, sender: platform.sender, rate: platform.rate, progress: platform.progress }] : [],
  );
  const translate = (locale: string, key: string, args?: Record<string, string | number>) => all[0]?.bot.i18n.t(locale, key, args) ?? key;
  const stopping = new AbortController();
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  let running: Promise<unknown> = Promise.resolve();
  let background: { stop(): Promise<void> } | undefined;
  let stopped: Promise<void> | undefined;

  const app: App = {
    db,
    logger,
    platforms,
    server: undefined,
    dispatchers: (options = {}) =>
      scheduler.platformDispatchers(
        notifying.map((platform) => ({
          ...platform,
          rate: options.rate ?? platform.rate,
          sender: async (message) => {
            options.onSend?.(message);
            return platform.sender(message);
          },
        })),
        {
          db,
          logger: options.logger ?? logger,
          clock,
          translate,
          ...(options.perChatIntervalMs !== undefined ? { perChatIntervalMs: options.perChatIntervalMs } : {}),
          ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
        },
      ),
    async start() {
      for (const platform of all) await platform.verify?.();
      const startBackground = () => {
        if (overrides.background === false || notifying.length === 0) return;
        // A test's database may come without the lock: such an app runs no background work.
        if (!database.exclusively) throw new Error("background work needs the database's lock (DatabaseHandle.exclusively)");
        const { exclusively } = database;
        background = scheduler.startScheduler({ db, exclusively, logger, clock, translate, platforms: notifying, settings: reminderSettings(config) });
      };
      if (webhook && mode.kind === "webhook") {
        app.server = await webhook.startWebhookServer({
          database,
          logger,
          port: overrides.listen?.port ?? mode.port,
          http: mode.http,
          ...(overrides.listen?.host ? { host: overrides.listen.host } : {}),
          ...(mode.metricsToken ? { metricsToken: mode.metricsToken } : {}),
          routes: all.flatMap((platform) => (platform.webhook ? [platform.webhook] : [])),
          links: {
            signingKey: signingKey as string,
            uploads: Object.fromEntries(all.flatMap((platform) => (platform.uploads ? [[platform.name, platform.uploads]] : []))),
            translate: (key, args) => translate("vi", key, args),
            now: clock,
          },
        });
        // Registered once the server listens: the platform may deliver at once.
        for (const platform of all) await platform.webhook?.register();
        startBackground();
        running = new Promise<void>((resolve) => stopping.signal.addEventListener("abort", () => resolve(), { once: true }));
        void running.then(markFinished);
        return;
      }
      // Background work starts once every platform is taking updates.
      let waiting = all.length;
      const ready = new Promise<void>((resolve) => {
        const onePlatformReady = () => {
          if (--waiting > 0) return;
          startBackground();
          resolve();
        };
        running = Promise.all(all.map((platform) => platform.run(stopping.signal, onePlatformReady)));
        // A platform that stops before it was ready (a refused token, the console's end of input) ends the wait too.
        void running.then(
          () => resolve(),
          () => resolve(),
        );
      });
      void running.then(markFinished, markFinished);
      await Promise.race([ready, running]);
    },
    finished,
    stop() {
      // Once, however many signals arrive: stop taking updates, finish those in flight, then the rest.
      stopped ??= (async () => {
        stopping.abort();
        await app.server?.close();
        await running.catch((error: unknown) => logger.error({ err: error }, "a platform stopped with an error"));
        await background?.stop();
        if (ownsDatabase) await (database as DatabaseHandle).close();
      })();
      return stopped;
    },
  };
  return app;
}
