import { createApp } from "./app.js";
import { createI18n, DEFAULT_LOCALE } from "./bot/i18n.js";
import { ConfigError, loadConfig } from "./config.js";
import { UserError } from "./domain/user-error.js";

const startedAt = performance.now();

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const { logger } = app;
  // postgres.js fetches array types on each new connection outside any query: while the server
  // restarts that fails as an unhandled rejection. The bot must outlive a database restart.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping: finishing updates in flight");
      void app.stop();
    });
  }
  try {
    await app.start();
    logger.info({ startup_ms: Math.round(performance.now() - startedAt) }, "ready");
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
