import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { chatAccounts } from "../db/schema/index.js";
import { formatDuration } from "../domain/calendar.js";
import { escapeHtml } from "../domain/text.js";
import {
  type Broadcast,
  broadcastCounts,
  type BroadcastCounts,
  claimProgressTurns,
  failureReasons,
  finishBroadcast,
} from "../services/campaigns/broadcasts.js";
import type { Translate } from "../services/outbox.js";
import { ACTIONS } from "../domain/button-actions.js";

/** Shows the progress in the chat that confirmed the broadcast; `finished` marks the final report. */
export type ProgressEdit = (
  target: { platform: string; chatId: string; messageId: number },
  view: { text: string; buttons: { text: string; data: string }[][] },
  finished: boolean,
) => Promise<void>;

const BAR_WIDTH = 20;

/** The progress message: sent / failed / remaining, a bar and the time left; the final report when done. */
export function renderProgress(
  broadcast: Pick<Broadcast, "id" | "status" | "recipients">,
  counts: BroadcastCounts,
  reasons: { reason: string; count: number }[],
  context: { locale: string; translate: Translate; rate: number },
): { text: string; buttons: { text: string; data: string }[][] } {
  const t = (key: string, args?: Record<string, string | number>) => context.translate(context.locale, key, args);
  const total = Math.max(1, broadcast.recipients);
  const handled = total - counts.remaining;
  const filled = Math.round((handled / total) * BAR_WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
  if (counts.remaining > 0 && broadcast.status !== "cancelled") {
    return {
      text: t("broadcast-progress", {
        sent: counts.sent,
        failed: counts.failed + counts.unknown,
        remaining: counts.remaining,
        bar,
        eta: formatDuration(counts.remaining / context.rate),
      }),
      buttons: [[{ text: t("broadcast-button-cancel"), data: ACTIONS.broadcastCancel.encode(broadcast.id) }]],
    };
  }
  const lines = [
    t(broadcast.status === "cancelled" ? "broadcast-cancelled-report" : "broadcast-done", {
      sent: counts.sent,
      failed: counts.failed,
      unknown: counts.unknown,
      cancelled: counts.cancelled,
      bar,
    }),
    ...reasons.map((reason) => t("broadcast-reason-line", { reason: escapeHtml(reason.reason), count: reason.count })),
  ];
  const unreached = counts.failed + counts.unknown;
  return {
    text: lines.join("\n"),
    buttons: unreached > 0 ? [[{ text: t("broadcast-button-unreached", { count: unreached }), data: ACTIONS.broadcastUnreached.encode(broadcast.id) }]] : [],
  };
}

/** Edits the progress message of every broadcast whose turn has come; finishes those with nothing left. */
export async function reportBroadcastProgress(options: { db: Database; now: Date; translate: Translate; rate: number; edit: ProgressEdit }): Promise<void> {
  for (const broadcast of await claimProgressTurns(options.db, options.now)) {
    const counts = await broadcastCounts(options.db, broadcast.id);
    const finished = counts.remaining === 0 || broadcast.status === "cancelled";
    const reasons = finished ? await failureReasons(options.db, broadcast.id) : [];
    const [account] = await options.db
      .select({ language: chatAccounts.language })
      .from(chatAccounts)
      .where(and(eq(chatAccounts.platform, broadcast.progressPlatform), eq(chatAccounts.chatId, broadcast.progressChatId ?? "")))
      .limit(1);
    const view = renderProgress(broadcast, counts, reasons, { locale: account?.language ?? "vi", translate: options.translate, rate: options.rate });
    try {
      await options.edit(
        { platform: broadcast.progressPlatform, chatId: broadcast.progressChatId ?? "", messageId: broadcast.progressMessageId ?? 0 },
        view,
        finished,
      );
    } finally {
      if (finished && counts.remaining === 0) await finishBroadcast(options.db, broadcast.id, options.now);
    }
  }
}
