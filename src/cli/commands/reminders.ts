import { createApp } from "../../app.js";
import { formatDateTime } from "../../domain/calendar.js";
import { htmlToPlainText } from "../../domain/text.js";
import { UserError } from "../../domain/user-error.js";
import { createLogger } from "../../logger.js";
import { Dispatcher, type Sender } from "../../scheduler/dispatcher.js";
import { reminderSettings, sweepReminders, sweepRemindersAlone } from "../../services/reminders/index.js";
import { command } from "../context.js";

/** reminders run [--at TIME] [--dry-run]: one sweep as at that moment, then the sends. */
export const runRemindersCommand = command({
  words: "reminders run",
  switches: ["--dry-run"],
  async run(_input, args, { database, config, print, t, translate }) {
    const atFlag = args.flag("--at");
    const at = atFlag === undefined ? new Date() : new Date(atFlag);
    if (Number.isNaN(at.getTime())) throw new UserError("cli-bad-time", { value: atFlag ?? "" });
    const dryRun = args.has("--dry-run");
    const sweep = { now: at, translate, settings: reminderSettings(config), dryRun };
    // A dry run queues nothing, so a running instance's sweep cannot be in its way.
    const queued = dryRun ? await sweepReminders(database.db, sweep) : await sweepRemindersAlone(database, sweep);
    if (queued === undefined) throw new UserError("cli-reminders-busy");
    print(t(dryRun ? "cli-reminders-planned" : "cli-reminders-queued", { count: queued.length, at: formatDateTime(at, config.displayTimeZone) }));
    for (const message of dryRun ? queued : []) print(`— ${message.dedupeKey}\n${htmlToPlainText(message.payload.text)}`);
    if (dryRun) return;
    // With a token the messages go to that platform (each at its own rate); without one they are printed here.
    const logger = createLogger(config, "warn");
    const app = config.telegram.token || config.zalo.token ? await createApp(config, { database, clock: () => at, logger, background: false }) : undefined;
    const printed: Sender = async (message) => {
      print(`→ ${message.platform}:${message.chatId}\n${htmlToPlainText(message.payload.text)}`);
      return { kind: "sent" };
    };
    const dispatchers = app ? app.dispatchers() : [new Dispatcher({ db: database.db, send: printed, logger, clock: () => at, rate: config.broadcast.rate })];
    let sent = 0;
    for (const dispatcher of dispatchers) sent += await dispatcher.drainAll();
    print(t("cli-reminders-sent", { count: sent }));
  },
});
