import { type DestinationStream, pino, type Logger } from "pino";
import type { Config } from "./config.js";

// Secrets that could reach a log line through a config object, a URL or an error's request.
const REDACT = [
  "config.telegram.token",
  "config.zalo.token",
  "config.databaseUrl",
  "config.mode.secret",
  "config.mode.zalo.secret",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "config.ballotSecret",
  // A failed Bot API call carries the message it tried to send (grammY's GrammyError.payload):
  // a personal notice's text names people. The method and the platform's reason stay.
  "err.payload",
  "payload",
  "*.payload",
];

/** Logs go to stderr, so stdout stays the console chat and the CLI's output. */
export function createLogger(
  config: Pick<Config, "logLevel" | "telegram"> & Partial<Pick<Config, "mode" | "zalo">>,
  level = config.logLevel,
  destination: DestinationStream = pino.destination(2),
): Logger {
  const secrets = [config.telegram.token, config.zalo?.token, ...(config.mode?.kind === "webhook" ? [config.mode.secret, config.mode.zalo.secret] : [])].filter(
    (secret): secret is string => Boolean(secret),
  );
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "[redacted]" },
      // The token is part of every Bot API URL and may turn up in any message or error text:
      // tokens and secrets are scrubbed from each finished line.
      hooks: secrets.length ? { streamWrite: (line) => secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), line) } : {},
    },
    destination,
  );
}
