import { openPgliteDirectory } from "./db/embedded.js";
import { compilePgliteWasm } from "./db/pglite-wasm.js";

// Compiling the embedded database's WebAssembly is a tenth of a second off the main thread: begun
// before the configuration's parser (zod) loads, it is done by the time the database opens. When
// the configuration names a server after all, it was only wasted work on a spare core.
if (!process.env.DATABASE_URL) compilePgliteWasm().catch(() => {}); // a failure is thrown where the database opens
const { ConfigError, loadConfig } = await import("./config.js");

async function main(): Promise<void> {
  const config = loadConfig();
  // Opening the embedded database is most of a start (half a second): it begins before the rest
  // of the bot loads (this file imports nothing else up front), and goes on while it does.
  const directory = config.databaseUrl ? undefined : openPgliteDirectory(config.dataDir);
  directory?.catch(() => {}); // a failure is thrown where it is awaited, in openConfiguredDatabase
  const { openConfiguredDatabase } = await import("./db/configured.js");
  const opening = openConfiguredDatabase(config, directory);
  opening.catch(() => {}); // likewise, in createApp
  const [{ createApp }, withChannels] = await Promise.all([import("./app.js"), channelsOf(config, opening)]);
  const app = await createApp(withChannels, { opening });
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

/**
 * The configuration with the agency's channels kept in the database (`agency channel …`), when it
 * keeps any and CHANNEL_SECRETS_KEY opens them; a setting the environment gives wins.
 */
async function channelsOf(config: ReturnType<typeof loadConfig>, opening: Promise<import("./db/client.js").DatabaseHandle>) {
  if (!config.channelSecretsKey) return config;
  const { storedChannelSettings } = await import("./services/province/channel-secrets.js");
  const stored = await storedChannelSettings((await opening).db, config.channelSecretsKey, config.agencyId);
  if (Object.keys(stored).length === 0) return config;
  const environment = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""));
  return loadConfig({ ...stored, ...environment });
}

/** What a failed start says: a configuration or user error in words, anything else as it is. */
async function explain(error: unknown): Promise<string | unknown> {
  if (error instanceof ConfigError) return error.message;
  const [{ UserError }, { createI18n, DEFAULT_LOCALE }] = await Promise.all([import("./domain/user-error.js"), import("./bot/i18n.js")]);
  return error instanceof UserError ? createI18n().t(DEFAULT_LOCALE, error.key, error.args) : error;
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(await explain(error));
    process.exit(1);
  },
);
