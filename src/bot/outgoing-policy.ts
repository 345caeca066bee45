import { autoRetry } from "@grammyjs/auto-retry";
import type { Transformer } from "grammy";
import type { Logger } from "pino";

/**
 * What every outgoing Bot API call goes through, on the bot's own Api and on the fresh ones a
 * conversation builds for each step alike: 429 is retried after its retry_after (a user still
 * gets the message, once); a 5xx or a lost answer is never retried blindly, since the message
 * may already have gone out and Telegram has no idempotency key; and whatever still fails is
 * logged with the method and the platform's reason, so no reply is lost without a trace.
 */
export function outgoingPolicy(logger: Pick<Logger, "warn">): Transformer[] {
  return [autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true, rethrowInternalServerErrors: true }), logRefusals(logger)];
}

function logRefusals(logger: Pick<Logger, "warn">): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      if (!response.ok) logger.warn({ method, error_code: response.error_code, reason: response.description }, "the platform refused a call");
      return response;
    } catch (error) {
      logger.warn({ method, err: error }, "a call to the platform failed");
      throw error;
    }
  };
}
