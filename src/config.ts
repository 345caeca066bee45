import * as z from "zod";
import { DEFAULT_REMINDER_DAYS } from "./domain/calendar.js";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((value) => value === "true" || value === "1" || value === "yes");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().min(1).optional());

// "7,3,1": days before a deadline on which to remind.
const dayList = z
  .string()
  .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, "must be a comma-separated list of days, e.g. 7,3,1")
  .transform((text) => text.split(",").map((day) => Number(day.trim())));

function milliseconds(fallback: number) {
  return z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(600_000).default(fallback));
}

const common = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
  TELEGRAM_BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d+:[\w-]{10,}$/, "does not look like a bot token (123456:ABC…)")
      .optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(emptyAsUndefined, z.url().default("https://api.telegram.org")),
  // For the invite links the CLI prints; asked of getMe when unset.
  TELEGRAM_BOT_USERNAME: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\w{3,64}$/, "must be the bot's username, without @")
      .optional(),
  ),
  // A notification with no answer in this time is recorded as unknown, never sent again.
  TELEGRAM_SEND_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(300).default(30)),
  ZALO_BOT_TOKEN: optionalString,
  ZALO_API_ROOT: z.preprocess(emptyAsUndefined, z.url().default("https://bot-api.zaloplatforms.com")),
  BROADCAST_RATE: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1000).default(30)),
  // Zalo publishes no rate; its quota answers 429 without a retry time. A few a second is safe.
  ZALO_RATE: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(100).default(5)),
  // The Zalo Bot Platform's Basic plan: 50 people a bot, 3,000 messages a month (docs/delivery.md).
  ZALO_BOT_MAX_USERS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).default(50)),
  ZALO_BOT_MONTHLY_MESSAGES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000_000).default(3000)),
  // The Zalo Official Account (docs/delivery.md): the app's id and secret, the OA's id and the
  // secret its webhook is signed with, and the first refresh token (later ones live in Postgres).
  ZALO_OA_APP_ID: optionalString,
  ZALO_OA_APP_SECRET: optionalString,
  ZALO_OA_ID: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_OA_REFRESH_TOKEN: optionalString,
  ZALO_OA_API_ROOT: z.preprocess(emptyAsUndefined, z.url().default("https://openapi.zalo.me")),
  ZALO_OA_OAUTH_ROOT: z.preprocess(emptyAsUndefined, z.url().default("https://oauth.zaloapp.com")),
  // One integration guide gives 20 sends a second; Zalo's pages name none. A setting, 18 by default:
  // each send's price is looked up just before it leaves, and that round trip's jitter at 20/s
  // let 21 requests fall within one second now and then (measured: bench/oa-rate.ts).
  ZALO_OA_RATE: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(100).default(18)),
  // A verified OA's proactive messages a month (1,000 in the copies read).
  ZALO_OA_MONTHLY_ALLOWANCE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10_000_000).default(1000)),
  // Free replies within 48 h of the person's last message: 8 in older copies, unlimited (0) in newer ones.
  ZALO_OA_FREE_REPLIES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(1000).default(8)),
  ZALO_OA_FILE_TYPES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[a-z0-9]+(,[a-z0-9]+)*$/, "must be a comma-separated list of extensions, e.g. pdf,doc,docx")
      .default("pdf,doc,docx")
      .transform((list) => list.split(",")),
  ),
  ZALO_OA_FILE_MAX_BYTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(5 * 1024 * 1024),
  ),
  // Which id the webhook's MAC starts with: Zalo's page says the app's, one guide says the OA's.
  ZALO_OA_SIGNATURE_ID: z.preprocess(emptyAsUndefined, z.enum(["app_id", "oa_id"]).default("app_id")),
  BROADCAST_PAID: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  TZ_DISPLAY: z.preprocess(emptyAsUndefined, z.string().refine(isTimeZone, "is not an IANA time zone").default("Asia/Ho_Chi_Minh")),
  AGENCY_NAME: z.preprocess(emptyAsUndefined, z.string().max(200).default("")),
  // Which agency of the database this process serves: its rows only (row-level security).
  AGENCY_ID: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(1)),
  REMINDER_TASK_DAYS: z.preprocess(emptyAsUndefined, dayList.default([...DEFAULT_REMINDER_DAYS.task])),
  REMINDER_MEETING_DAYS: z.preprocess(emptyAsUndefined, dayList.default([...DEFAULT_REMINDER_DAYS.meeting])),
  // Seals ballots while voting is open; never stored in the database (docs/ballot-secrecy.md).
  BALLOT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").max(512).optional()),
  // Encrypts the agencies' channel credentials kept in the database (agency channel …).
  CHANNEL_SECRETS_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").max(512).optional()),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});

const polling = common.extend({ BOT_MODE: z.literal("polling") });
const webhook = common.extend({
  BOT_MODE: z.literal("webhook"),
  WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.url()),
  WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ or -")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(8080)),
  // Telegram's own default is 40; a bot replies at most ~30 messages a second anyway, and every
  // delivery in flight is one reply a kill -9 may send twice (docs/operations.md).
  WEBHOOK_MAX_CONNECTIONS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(10)),
  ZALO_WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ or -")
      .optional(),
  ),
  METRICS_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\x21-\x7e]{16,256}$/, "must be 16–256 visible ASCII characters")
      .optional(),
  ),
  DOWNLOAD_SIGNING_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").max(512).optional()),
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(10_000),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(15_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
  // A connection that has not sent a whole request by then is closed (its place may be taken sooner).
  HTTP_SILENT_CONNECTION_MS: milliseconds(3_000),
  HTTP_MAX_CONNECTIONS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(8).max(100_000).default(256)),
});

const environmentSchema = z.discriminatedUnion("BOT_MODE", [polling, webhook]);

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  telegram: { token: string | undefined; apiRoot: string; sendTimeoutSeconds: number; username: string | undefined };
  zalo: { token: string | undefined; apiRoot: string; rate: number; maxUsers: number; monthlyMessages: number };
  /** The Zalo Official Account, when configured (webhook mode only: the OA has no polling). */
  zaloOa: ZaloOaConfig | undefined;
  broadcast: { rate: number; paid: boolean };
  displayTimeZone: string;
  reminders: { taskPingDays: number[]; meetingReminderDays: number[] };
  /** The agency's name, printed on exported lists. */
  agencyName: string;
  /** The agency of the database this process serves (1 in a deployment of one agency). */
  agencyId: number;
  /** Seals ballots while voting is open; unset: a secret kept in DATA_DIR (one instance only). */
  ballotSecret: string | undefined;
  /** Opens the channel credentials an agency keeps in the database; unset: none is read. */
  channelSecretsKey: string | undefined;
  logLevel: z.infer<typeof common>["LOG_LEVEL"];
  /** True when LOG_LEVEL was given explicitly; the console chat is quieter otherwise. */
  logLevelExplicit: boolean;
  mode:
    | { kind: "polling" }
    | {
        kind: "webhook";
        url: string;
        secret: string;
        port: number;
        /** How many deliveries Telegram may have in flight at once (setWebhook's max_connections). */
        telegramMaxConnections: number;
        /** Where Zalo delivers (the same server, path /zalo) and the secret it sends back. */
        zalo: { url: string; secret: string };
        http: HttpLimits;
        /** Bearer token /metrics requires; without one it answers loopback only. */
        metricsToken: string | undefined;
        /** Signs download links; without one a key the server keeps in the database does. */
        downloadSigningKey: string | undefined;
      };
};

export type ZaloOaConfig = {
  appId: string;
  appSecret: string;
  oaId: string;
  secretKey: string;
  refreshToken: string;
  apiRoot: string;
  oauthRoot: string;
  rate: number;
  monthlyAllowance: number;
  /** 0: no limit within the free window. */
  freeReplies: number;
  fileTypes: string[];
  fileMaxBytes: number;
  signatureId: "app_id" | "oa_id";
};

/** How long the webhook server waits for a request's parts, and how many connections it keeps. */
export type HttpLimits = { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; silentConnectionMs: number; maxConnections: number };

/** Zalo's webhook lives on the same server as Telegram's, under this path. */
export const ZALO_WEBHOOK_PATH = "/zalo";

export class ConfigError extends Error {}

/** Parses the environment once; the message names the first offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse({ ...env, BOT_MODE: env.BOT_MODE || "polling" });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join(".") || "BOT_MODE";
    const message = issue?.code === "invalid_union" || variable === "BOT_MODE" ? "must be polling or webhook" : (issue?.message ?? "is invalid");
    const missing = !env[variable];
    throw new ConfigError(`Configuration error: ${variable} ${missing ? "is required" : message}`);
  }
  const e = parsed.data;
  // Instances on one server must seal ballots alike: a secret each made for itself would not do.
  if (e.BOT_MODE === "webhook" && e.DATABASE_URL && !e.BALLOT_SECRET) {
    throw new ConfigError("Configuration error: BALLOT_SECRET is required in webhook mode with DATABASE_URL (the same on every instance)");
  }
  const oaSettings = [e.ZALO_OA_APP_ID, e.ZALO_OA_APP_SECRET, e.ZALO_OA_ID, e.ZALO_OA_SECRET_KEY, e.ZALO_OA_REFRESH_TOKEN];
  const oaNames = ["ZALO_OA_APP_ID", "ZALO_OA_APP_SECRET", "ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_OA_REFRESH_TOKEN"];
  if (oaSettings.some(Boolean)) {
    const missing = oaNames.find((_, index) => !oaSettings[index]);
    if (missing) throw new ConfigError(`Configuration error: ${missing} is required with the other ZALO_OA_ settings`);
    if (e.BOT_MODE !== "webhook")
      throw new ConfigError("Configuration error: ZALO_OA_APP_ID needs BOT_MODE=webhook (the Official Account only delivers to a webhook)");
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
      sendTimeoutSeconds: e.TELEGRAM_SEND_TIMEOUT_SECONDS,
      username: e.TELEGRAM_BOT_USERNAME,
    },
    zalo: {
      token: e.ZALO_BOT_TOKEN,
      apiRoot: e.ZALO_API_ROOT.replace(/\/+$/, ""),
      rate: e.ZALO_RATE,
      maxUsers: e.ZALO_BOT_MAX_USERS,
      monthlyMessages: e.ZALO_BOT_MONTHLY_MESSAGES,
    },
    zaloOa: e.ZALO_OA_APP_ID
      ? {
          appId: e.ZALO_OA_APP_ID,
          appSecret: e.ZALO_OA_APP_SECRET as string,
          oaId: e.ZALO_OA_ID as string,
          secretKey: e.ZALO_OA_SECRET_KEY as string,
          refreshToken: e.ZALO_OA_REFRESH_TOKEN as string,
          apiRoot: e.ZALO_OA_API_ROOT.replace(/\/+$/, ""),
          oauthRoot: e.ZALO_OA_OAUTH_ROOT.replace(/\/+$/, ""),
          rate: e.ZALO_OA_RATE,
          monthlyAllowance: e.ZALO_OA_MONTHLY_ALLOWANCE,
          freeReplies: e.ZALO_OA_FREE_REPLIES,
          fileTypes: e.ZALO_OA_FILE_TYPES,
          fileMaxBytes: e.ZALO_OA_FILE_MAX_BYTES,
          signatureId: e.ZALO_OA_SIGNATURE_ID,
        }
      : undefined,
    broadcast: { rate: e.BROADCAST_RATE, paid: e.BROADCAST_PAID },
    displayTimeZone: e.TZ_DISPLAY,
    reminders: { taskPingDays: e.REMINDER_TASK_DAYS, meetingReminderDays: e.REMINDER_MEETING_DAYS },
    agencyName: e.AGENCY_NAME,
    agencyId: e.AGENCY_ID,
    channelSecretsKey: e.CHANNEL_SECRETS_KEY,
    ballotSecret: e.BALLOT_SECRET,
    logLevel: e.LOG_LEVEL,
    logLevelExplicit: Boolean(env.LOG_LEVEL),
    mode:
      e.BOT_MODE === "webhook"
        ? {
            kind: "webhook",
            url: e.WEBHOOK_URL,
            secret: e.WEBHOOK_SECRET,
            port: e.PORT,
            telegramMaxConnections: e.WEBHOOK_MAX_CONNECTIONS,
            zalo: { url: new URL(ZALO_WEBHOOK_PATH, e.WEBHOOK_URL).toString(), secret: e.ZALO_WEBHOOK_SECRET ?? e.WEBHOOK_SECRET },
            http: {
              headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
              // Node refuses a request timeout shorter than the headers timeout.
              requestTimeoutMs: Math.max(e.HTTP_REQUEST_TIMEOUT_MS, e.HTTP_HEADERS_TIMEOUT_MS),
              keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
              silentConnectionMs: e.HTTP_SILENT_CONNECTION_MS,
              maxConnections: e.HTTP_MAX_CONNECTIONS,
            },
            metricsToken: e.METRICS_TOKEN,
            downloadSigningKey: e.DOWNLOAD_SIGNING_KEY,
          }
        : { kind: "polling" },
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
