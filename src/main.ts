import { ConfigError, loadConfig } from "./config.js";
import { openConfiguredDatabase } from "./app.js";
import { createI18n, DEFAULT_LOCALE } from "./bot/i18n.js";
import { systemClock } from "./domain/calendar.js";
import { UserError } from "./domain/user-error.js";
import { createLogger } from "./logger.js";
import { reminderSettings } from "./services/reminders.js";

const startedAt = performance.now();

async function main(): Promise<number> {
  const config = loadConfig();
  const consoleMode = !config.telegram.token;
  // The console chat owns the terminal; only warnings reach it unless LOG_LEVEL says otherwise.
  const logger = createLogger(config, consoleMode && !config.logLevelExplicit ? "warn" : config.logLevel);
  // The transports pull in grammY and friends; load them while the database opens.
  const [database, transports] = await Promise.all([
    openConfiguredDatabase(config),
    Promise.all([import("./transports/console.js"), import("./transports/telegram.js"), import("./scheduler/index.js")]),
  ]);
  const [{ runConsole }, { createTelegramBot, progressEditor, runTelegramPolling, telegramSender }, { startScheduler }] = transports;
  const services = { db: database.db, config, logger, clock: systemClock };
  // postgres.js fetches array types on each new connection outside any query: while the server
  // restarts that fails as an unhandled rejection. The bot must outlive a database restart.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  const ready = () =>
    logger.info({ driver: database.driver, startup_ms: Math.round(performance.now() - startedAt) }, "ready");

  try {
    if (consoleMode || !config.telegram.token) {
      ready();
      await runConsole(services);
      return 0;
    }
    const bot = createTelegramBot(services, config.telegram.token);
    const stop = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        logger.info({ signal }, "stopping: finishing updates in flight");
        stop.abort();
      });
    }
    let scheduler: { stop(): Promise<void> } | undefined;
    const startBackgroundWork = () => {
      scheduler = startScheduler({
        db: database.db,
        logger,
        clock: systemClock,
        translate: (locale, key, args) => bot.i18n.t(locale, key, args),
        send: telegramSender(config.telegram.token as string, config.telegram.apiRoot, { paid: config.broadcast.paid }),
        rate: config.broadcast.rate,
        settings: reminderSettings(config),
        editProgress: progressEditor(bot),
      });
      ready();
    };
    if (config.mode.kind === "webhook") {
      const { registerWebhook, startWebhookServer } = await import("./transports/webhook.js");
      await registerWebhook(bot, config.mode.url, config.mode.secret);
      const server = await startWebhookServer({ bot, database, path: new URL(config.mode.url).pathname, secret: config.mode.secret, port: config.mode.port });
      startBackgroundWork();
      await new Promise((resolve) => stop.signal.addEventListener("abort", resolve, { once: true }));
      await server.close();
    } else {
      await runTelegramPolling(bot, stop.signal, startBackgroundWork);
    }
    await scheduler?.stop();
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof UserError) console.error(createI18n().t(DEFAULT_LOCALE, error.key, error.args));
    else console.error(error);
    process.exit(1);
  },
);
