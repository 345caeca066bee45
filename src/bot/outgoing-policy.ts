import { autoRetry } from "@grammyjs/auto-retry";
import type { Transformer } from "grammy";
import type { Logger } from "pino";

/**
 * What every outgoing Bot API call goes through, on the bot's own Api and on the fresh ones a
 * conversation builds for each step alike: 429 is retried after its retry_after (a user still
 * gets the message, once) — up to RETRY_BUDGET.attempts times, each wait as long as the platform
 * asks up to RETRY_BUDGET.longestWaitSeconds, so a reply is given up only after minutes; a 5xx or a lost answer is never retried blindly, since the message
 * may already have gone out and Telegram has no idempotency key; and whatever still fails is
 * logged with the method and the platform's reason, so no reply is lost without a trace.
 */
export function outgoingPolicy(logger: Pick<Logger, "warn">): Transformer[] {
  return [
    autoRetry({
      maxRetryAttempts: RETRY_BUDGET.attempts,
      maxDelaySeconds: RETRY_BUDGET.longestWaitSeconds,
      rethrowHttpErrors: true,
      rethrowInternalServerErrors: true,
    }),
    logRefusals(logger),
  ];
}

// Three attempts gave up on a chat over its per-chat limit while retry_after still said "soon"
// (8 of 333 replies lost at 36 commands a second apart). Eight waits of at most 30 s each: at
// most four minutes for one reply; a longer retry_after means the chat is limited for longer than
// a reply is worth holding a handler, and the failure is logged.
export const RETRY_BUDGET = { attempts: 8, longestWaitSeconds: 30 } as const;

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
