import { openConfiguredDatabase } from "./db/configured.js";
import { createI18n, DEFAULT_LOCALE } from "./bot/i18n.js";
import { ConfigError, loadConfig } from "./config.js";
import { UserError } from "./domain/user-error.js";

async function main(): Promise<void> {
  const config = loadConfig();
  // Opening the embedded database is most of a start (~0.85 s): it goes on while the bot's modules load.
  const opening = openConfiguredDatabase(config);
  opening.catch(() => {}); // a failure is thrown where it is awaited, in createApp
  const app = await (await import("./app.js")).createApp(config, { opening });
  const logger = app.logger;
  // postgres.js fetches array types on new connections outside any query: a restarting server must not end the bot.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping: finishing updates in flight");
      void app.stop();
    });
  }
  try {
    await app.start();
    logger.info({ startup_ms: Math.round(performance.now()) }, "ready"); // since the process started
    await app.finished;
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof UserError) console.error(createI18n().t(DEFAULT_LOCALE, error.key, error.args));
    else console.error(error);
    process.exit(1);
  },
);
