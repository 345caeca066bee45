import { ConfigError, loadConfig } from "./config.js";
import { openConfiguredDatabase } from "./app.js";
import { createI18n, DEFAULT_LOCALE } from "./bot/i18n.js";
import { systemClock } from "./domain/calendar.js";
import { UserError } from "./domain/user-error.js";
import { createLogger } from "./logger.js";
import { downloadSigningKey } from "./services/downloads.js";
import { reminderSettings } from "./services/reminders.js";
import type { Sender } from "./scheduler/dispatcher.js";

const startedAt = performance.now();

async function main(): Promise<number> {
  const config = loadConfig();
  const consoleMode = !config.telegram.token && !config.zalo.token;
  // The console chat owns the terminal; only warnings reach it unless LOG_LEVEL says otherwise.
  const logger = createLogger(config, consoleMode && !config.logLevelExplicit ? "warn" : config.logLevel);
  // The transports pull in grammY and friends; load them while the database opens.
  const [database, transports] = await Promise.all([
    openConfiguredDatabase(config),
    Promise.all([import("./transports/console.js"), import("./transports/telegram.js"), import("./transports/zalo.js"), import("./scheduler/index.js")]),
  ]);
  const [{ runConsole }, telegramModule, zaloModule, { sendByPlatform, startScheduler }] = transports;
  const services = { db: database.db, config, logger, clock: systemClock };
  // postgres.js fetches array types on each new connection outside any query: while the server
  // restarts that fails as an unhandled rejection. The bot must outlive a database restart.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  const ready = () => logger.info({ driver: database.driver, startup_ms: Math.round(performance.now() - startedAt) }, "ready");

  try {
    const { mode } = config;
    const telegramToken = config.telegram.token;
    const zaloToken = config.zalo.token;
    if (consoleMode || (!telegramToken && !zaloToken)) {
      ready();
      await runConsole(services);
      return 0;
    }
    const telegram = telegramToken ? telegramModule.createTelegramBot(services, telegramToken) : undefined;
    const zaloClient = zaloToken ? new zaloModule.ZaloClient(zaloToken, config.zalo.apiRoot) : undefined;
    await zaloClient?.checkToken();
    // Documents reach Zalo users as links to this server; without one there is nothing to link to.
    const signingKey = mode.kind === "webhook" ? await downloadSigningKey(database.db, mode.downloadSigningKey) : undefined;
    const downloads = mode.kind === "webhook" && signingKey ? { db: database.db, baseUrl: mode.url, signingKey } : undefined;
    const zalo = zaloClient ? zaloModule.createZaloTransport(services, { client: zaloClient, ...(downloads ? { downloads } : {}) }) : undefined;
    const i18n = (telegram ?? zalo?.bot)?.i18n;
    const stop = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        logger.info({ signal }, "stopping: finishing updates in flight");
        stop.abort();
      });
    }
    const senders: Record<string, Sender> = {
      ...(telegram ? { telegram: telegramModule.telegramSender(telegramToken as string, config.telegram.apiRoot, { paid: config.broadcast.paid }) } : {}),
      ...(zalo ? { zalo: zaloModule.zaloSender(zalo.outbound) } : {}),
    };
    let scheduler: { stop(): Promise<void> } | undefined;
    const startBackgroundWork = () => {
      scheduler = startScheduler({
        db: database.db,
        logger,
        clock: systemClock,
        translate: (locale, key, args) => i18n?.t(locale, key, args) ?? key,
        send: sendByPlatform(senders),
        rate: config.broadcast.rate,
        settings: reminderSettings(config),
        editProgress: async (target, view, finished) => {
          if (target.platform === "telegram" && telegram) return telegramModule.progressEditor(telegram)(target, view, finished);
          // Zalo cannot edit a message: only the final report is sent, as a new one.
          if (target.platform === "zalo" && zalo && finished) {
            await zalo.outbound.sendPayload(target.chatId, { text: view.text, parseMode: "HTML", buttons: view.buttons }, target.messageId);
          }
        },
      });
      ready();
    };
    if (mode.kind === "webhook") {
      const { registerWebhook, startWebhookServer } = await import("./transports/webhook.js");
      if (telegram) await registerWebhook(telegram, mode.url, mode.secret);
      if (zaloClient) await zaloModule.registerZaloWebhook(zaloClient, mode.zalo.url, mode.zalo.secret);
      const server = await startWebhookServer({
        database,
        logger,
        port: mode.port,
        http: mode.http,
        ...(mode.metricsToken ? { metricsToken: mode.metricsToken } : {}),
        ...(telegram ? { telegram: { bot: telegram, path: new URL(mode.url).pathname, secret: mode.secret } } : {}),
        ...(zalo
          ? { zalo: { transport: zalo, path: new URL(mode.zalo.url).pathname, secret: mode.zalo.secret }, downloads: { signingKey: signingKey as string } }
          : {}),
      });
      startBackgroundWork();
      await new Promise((resolve) => stop.signal.addEventListener("abort", resolve, { once: true }));
      await server.close();
    } else {
      // Background work starts once every platform is taking updates.
      let waiting = (telegram ? 1 : 0) + (zalo ? 1 : 0);
      const onePlatformReady = () => {
        if (--waiting === 0) startBackgroundWork();
      };
      await Promise.all([
        telegram ? telegramModule.runTelegramPolling(telegram, stop.signal, onePlatformReady) : undefined,
        zalo && zaloClient ? zaloModule.runZaloPolling(zalo, zaloClient, logger, stop.signal, onePlatformReady) : undefined,
      ]);
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
