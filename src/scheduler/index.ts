import cron from "node-cron";
import type { Logger } from "pino";
import type { Database, DatabaseHandle } from "../db/client.js";
import type { Clock } from "../domain/calendar.js";
import { tellSecretariatOfUnreached } from "../services/delivery/index.js";
import type { Translate } from "../services/outbox.js";
import { type ReminderSettings, sweepRemindersAlone } from "../services/reminders/index.js";
import { pruneProcessedUpdates } from "../services/platform/updates.js";
import { exchangeMail } from "../services/province/index.js";
import type { Actor } from "../services/audit.js";
import { type ProgressEdit, reportBroadcastProgress } from "./broadcast-progress.js";
import { Dispatcher, type DispatcherOptions, type Sender, sendByPlatform } from "./dispatcher.js";

export { sendByPlatform } from "./dispatcher.js";

/** What the scheduler does of itself, in the audit log. */
const schedulerActor: Actor = { personId: null, label: "scheduler" };

/** What the scheduler needs of each platform: how to send there, how fast, and how to show progress. */
export type SchedulerPlatform = { name: string; sender: Sender; rate: number; progress: ProgressEdit };

export type SchedulerOptions = {
  db: Database;
  /** The database's lock: one sweep at a time across every instance. */
  exclusively: DatabaseHandle["exclusively"];
  logger: Logger;
  clock: Clock;
  translate: Translate;
  platforms: SchedulerPlatform[];
  settings: ReminderSettings;
};

/**
 * One dispatcher per platform, each with its own rate and rate key: a Zalo quota pause never
 * slows Telegram. The first also fails the rows of platforms this process cannot reach.
 */
export function platformDispatchers(
  platforms: SchedulerPlatform[],
  options: Omit<DispatcherOptions, "send" | "rate" | "rateKey" | "scope" | "onIdle"> & { translate?: Translate },
): Dispatcher[] {
  const names = platforms.map((platform) => platform.name);
  const { translate, ...dispatching } = options;
  const onIdle = translate ? () => tellSecretariatOfUnreached(options.db, { clock: options.clock, translate }) : undefined;
  return platforms.map(
    (platform, index) =>
      new Dispatcher({
        ...dispatching,
        ...(onIdle ? { onIdle } : {}),
        send: sendByPlatform({ [platform.name]: platform.sender }),
        rate: platform.rate,
        rateKey: platform.name,
        scope: index === 0 ? { platform: platform.name, strays: names } : { platform: platform.name },
      }),
  );
}

/** Shows a broadcast's progress on the platform of the chat that confirmed it. */
function progressByPlatform(platforms: SchedulerPlatform[]): ProgressEdit {
  return async (target, view, finished) => platforms.find((platform) => platform.name === target.platform)?.progress(target, view, finished);
}

/**
 * Every minute, on every instance: one reminder sweep (safe to run anywhere, any number of times)
 * and housekeeping; meanwhile the dispatcher drains the outbox continuously.
 */
export function startScheduler(options: SchedulerOptions): { stop(): Promise<void> } {
  const dispatchers = platformDispatchers(options.platforms, { db: options.db, logger: options.logger, clock: options.clock, translate: options.translate });
  const editProgress = progressByPlatform(options.platforms);
  // The progress message's time left is read at the pace of the first platform (Telegram's, when configured).
  const rate = options.platforms[0]?.rate ?? 30;
  let sweeping: Promise<unknown> = Promise.resolve();
  const task = cron.schedule("* * * * *", () => {
    sweeping = (async () => {
      try {
        const queued = await sweepRemindersAlone(options, {
          now: options.clock(),
          translate: options.translate,
          settings: options.settings,
        });
        if (queued === undefined) options.logger.debug("another reminder sweep is running; this minute's is left to it");
        else if (queued.length > 0) options.logger.info({ queued: queued.length }, "reminders queued");
        // Proposals, decisions and cross-inspections from the other agencies of the province.
        const mail = await exchangeMail(options.db, {
          clock: options.clock,
          actor: schedulerActor,
          translate: options.translate,
          timeZone: options.settings.timeZone,
        });
        if (mail.received + mail.answered > 0) options.logger.info({ received: mail.received, answered: mail.answered }, "agency mail exchanged");
        for (const failure of mail.failed) options.logger.error({ err: failure.error, mail: failure.mailId }, "agency mail left for the next minute");
        // Telegram gives up on an update after 24 hours; two days cover every redelivery.
        await pruneProcessedUpdates(options.db, new Date(options.clock().getTime() - 2 * 86_400_000));
      } catch (error) {
        options.logger.error({ err: error }, "reminder sweep failed");
      }
    })();
  });
  for (const dispatcher of dispatchers) dispatcher.start();
  // Progress messages are claimed per broadcast, so several instances edit each at most every 3 s.
  let reporting: Promise<void> = Promise.resolve();
  const progress = setInterval(() => {
    reporting = reporting.then(() =>
      reportBroadcastProgress({ db: options.db, now: options.clock(), translate: options.translate, rate, edit: editProgress }).catch((error: unknown) =>
        options.logger.warn({ err: error }, "broadcast progress update failed"),
      ),
    );
  }, 1000);
  return {
    async stop() {
      clearInterval(progress);
      await task.stop();
      await sweeping;
      await reporting;
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    },
  };
}
