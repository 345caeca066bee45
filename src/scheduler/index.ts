import cron from "node-cron";
import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import type { Clock } from "../domain/calendar.js";
import type { Translate } from "../services/outbox.js";
import { type ReminderSettings, sweepReminders } from "../services/reminders.js";
import { pruneProcessedUpdates } from "../services/updates.js";
import { type ProgressEdit, reportBroadcastProgress } from "./broadcast-progress.js";
import { Dispatcher, type Sender } from "./dispatcher.js";

export { sendByPlatform } from "./dispatcher.js";

export type SchedulerOptions = {
  db: Database;
  logger: Logger;
  clock: Clock;
  translate: Translate;
  send: Sender;
  rate: number;
  settings: ReminderSettings;
  /** Edits a broadcast's progress message in the sender's chat. */
  editProgress: ProgressEdit;
};

/**
 * Every minute, on every instance: one reminder sweep (safe to run anywhere, any number of times)
 * and housekeeping; meanwhile the dispatcher drains the outbox continuously.
 */
export function startScheduler(options: SchedulerOptions): { stop(): Promise<void> } {
  const dispatcher = new Dispatcher({ db: options.db, send: options.send, logger: options.logger, clock: options.clock, rate: options.rate });
  let sweeping: Promise<unknown> = Promise.resolve();
  const task = cron.schedule("* * * * *", () => {
    sweeping = (async () => {
      try {
        const queued = await sweepReminders(options.db, {
          now: options.clock(),
          translate: options.translate,
          settings: options.settings,
        });
        if (queued.length > 0) options.logger.info({ queued: queued.length }, "reminders queued");
        // Telegram gives up on an update after 24 hours; two days cover every redelivery.
        await pruneProcessedUpdates(options.db, new Date(options.clock().getTime() - 2 * 86_400_000));
      } catch (error) {
        options.logger.error({ err: error }, "reminder sweep failed");
      }
    })();
  });
  dispatcher.start();
  // Progress messages are claimed per broadcast, so several instances edit each at most every 3 s.
  let reporting: Promise<void> = Promise.resolve();
  const progress = setInterval(() => {
    reporting = reporting.then(() =>
      reportBroadcastProgress({ db: options.db, now: options.clock(), translate: options.translate, rate: options.rate, edit: options.editProgress }).catch(
        (error: unknown) => options.logger.warn({ err: error }, "broadcast progress update failed"),
      ),
    );
  }, 1000);
  return {
    async stop() {
      clearInterval(progress);
      await task.stop();
      await sweeping;
      await reporting;
      await dispatcher.stop();
    },
  };
}
