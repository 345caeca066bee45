import { pino, type Logger } from "pino";
import type { Config } from "./config.js";

// Secrets that could reach a log line through a config object, a URL or an error's request.
const REDACT = [
  "config.telegram.token",
  "config.zalo.token",
  "config.databaseUrl",
  "config.mode.secret",
  "token",
  "*.token",
  "secret",
  "*.secret",
];

/** Logs go to stderr, so stdout stays the console chat and the CLI's output. */
export function createLogger(config: Pick<Config, "logLevel" | "telegram">, level = config.logLevel): Logger {
  const token = config.telegram.token;
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "[redacted]" },
      // The token is part of every Bot API URL; scrub it from any message or error text too.
      hooks: token
        ? {
            logMethod(args, method) {
              method.apply(
                this,
                args.map((arg) => (typeof arg === "string" ? arg.split(token).join("[redacted]") : arg)) as typeof args,
              );
            },
          }
        : {},
    },
    pino.destination(2),
  );
}
