import { admitProactive, countSent, monthOf, type WindowRules } from "../../services/delivery/index.js";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../domain/calendar.js";
import type { Sender } from "../../scheduler/dispatcher.js";
import { OaApiError } from "./client.js";
import type { OaOutbound } from "./outbound.js";

// Zalo's answers for a person the OA may not write to: not following, or no interaction in the window.
const WINDOW_CLOSED = new Set([-213, -201, -230]);
// Too many requests: wait a while, as on the Bot Platform.
const RATE_LIMITED = new Set([-32, 429]);
export const OA_RATE_PAUSE_SECONDS = 60;

/**
 * Outbox messages to the OA, priced before they go: free inside the person's window, from the
 * month's allowance after it, not at all once the window closed or the allowance is spent — then
 * the message goes on through the person's other channels (recordOutcomes). A lost answer is
 * unknown and never resent.
 */
export function oaSender(outbound: OaOutbound, db: Database, clock: Clock, rules: WindowRules): Sender {
  return async ({ chatId, payload }) => {
    const now = clock();
    const admission = await admitProactive(db, rules, chatId, now);
    if ("unreachable" in admission) return { kind: "unreachable", reason: admission.unreachable };
    try {
      await outbound.sendPayload(chatId, payload, Date.now() % 2_000_000_000);
      await countSent(db, rules.channel, monthOf(now, rules.timeZone));
      return { kind: "sent" };
    } catch (error) {
      if (!(error instanceof OaApiError) || !error.answered) return { kind: "unknown", reason: String(error instanceof Error ? error.message : error) };
      if (WINDOW_CLOSED.has(error.errorCode ?? 0)) return { kind: "unreachable", reason: "window" };
      if (RATE_LIMITED.has(error.errorCode ?? 0)) return { kind: "retry", afterSeconds: OA_RATE_PAUSE_SECONDS, reason: error.message };
      if ((error.errorCode ?? 0) >= 500) return { kind: "unknown", reason: error.message };
      return { kind: "failed", reason: error.message };
    }
  };
}
