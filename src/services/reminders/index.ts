import type { Database, DatabaseHandle } from "../../db/client.js";
import { atLocal, DEFAULT_REMINDER_DAYS, DEFAULT_TIME_ZONE, isWorkingDay, localDay, nextSendableMoment, SEND_WINDOW } from "../../domain/calendar.js";
import { loadHolidays } from "../rules/holidays.js";
import { enqueue, type Notification, type PlannedMessage, type Translate } from "../outbox.js";
import { approvalDigests } from "./approval-digests.js";
import { DIGEST_LIMIT, htmlTranslator, type SweepContext, sharedLimits, taskLines } from "./context.js";
import { inspectionReminders } from "./inspection-reminders.js";
import { firstWorkingDayOfWeek, linkingDigests } from "./linking-digests.js";
import { meetingReminders } from "./meeting-reminders.js";
import { overdueDigests } from "./overdue-digests.js";
import { registrationDeadlineReminders } from "./registration-deadline.js";
import { quarterDigests } from "./task-digests.js";
import { taskPings } from "./task-pings.js";

export type ReminderSettings = {
  /** Days before a task's due date on which its unit head is pinged. */
  taskPingDays: number[];
  /** Days before a council meeting on which members are reminded. */
  meetingReminderDays: number[];
  timeZone: string;
};

/** The reminder settings a configuration asks for. */
export function reminderSettings(config: { displayTimeZone: string; reminders: { taskPingDays: number[]; meetingReminderDays: number[] } }): ReminderSettings {
  return { ...config.reminders, timeZone: config.displayTimeZone };
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  taskPingDays: [...DEFAULT_REMINDER_DAYS.task],
  meetingReminderDays: [...DEFAULT_REMINDER_DAYS.meeting],
  timeZone: DEFAULT_TIME_ZONE,
};

// A head's messages from one sweep, in the order they are read: what is due soon (with its
// "done" buttons), what is overdue, the quarter's tasks, colleagues not linked yet.
const IN_TEXT = ["task-ping", "task-overdue", "task-digest", "unlinked-digest"];
// Whose key and kind the combined message takes: the overdue list's when there is one (once a
// day, as the morning message always was), else the first part there is. Every part's query skips
// what the outbox or the marks already hold (notSentUnder; the reminders, by their own marks), so
// any part may lend its key.
const KEYED_BY = ["task-overdue", "task-ping", "task-digest", "unlinked-digest"];
const SEPARATOR = "\n\n";

/**
 * What one sweep has for a head comes in one message (a catch-up after a stop had sent each head
 * three; every Monday the unlinked colleagues came apart from the morning's reminders). It goes
 * under the key of one part (KEYED_BY), the other parts' keys and reminders recorded as its marks,
 * so no sweep finds them again; the parts share one message's length, each cut short if need be.
 */
function oneMessagePerHead(notifications: Notification[]): Notification[] {
  const byHead = new Map<number, Notification[]>();
  const others: Notification[] = [];
  for (const notification of notifications) {
    if (!IN_TEXT.includes(notification.kind)) others.push(notification);
    else byHead.set(notification.personId, [...(byHead.get(notification.personId) ?? []), notification]);
  }
  const combined = [...byHead.values()].map((parts) => (parts.length === 1 ? (parts[0] as Notification) : oneMessage(parts)));
  return [...combined, ...others];
}

function oneMessage(parts: Notification[]): Notification {
  const rank = (order: string[]) => (a: Notification, b: Notification) => order.indexOf(a.kind) - order.indexOf(b.kind);
  const inText = [...parts].sort(rank(IN_TEXT));
  const keyedBy = [...parts].sort(rank(KEYED_BY))[0] as Notification;
  return {
    ...keyedBy,
    marks: [...parts.flatMap((part) => part.marks ?? []), ...parts.filter((part) => part !== keyedBy).map((part) => part.dedupeKey)],
    render: (locale) => {
      const whole = inText.map((part) => part.render(locale));
      const limits = sharedLimits(
        whole.map((payload) => payload.text.length),
        DIGEST_LIMIT - SEPARATOR.length * (inText.length - 1),
      );
      const fitted = whole.map((payload, index) => {
        const limit = limits[index] ?? 0;
        return payload.text.length > limit ? (inText[index] as Notification).render(locale, limit) : payload;
      });
      const buttons = fitted.find((payload) => payload.buttons)?.buttons;
      return { parseMode: "HTML", text: fitted.map((payload) => payload.text).join(SEPARATOR), ...(buttons ? { buttons } : {}) };
    },
  };
}

/**
 * One sweep: works out with set-based SQL what is due at `now` and has not been queued yet, and
 * queues it. Each query is bounded by dates and skips what exists, so the work grows with what is
 * due, not with the size of the tables; running it twice, or on two instances, queues nothing new.
 * Each kind of reminder has a file of its own, whose query defines the reminder's key.
 */
export async function sweepReminders(
  db: Database,
  context: { now: Date; translate: Translate; settings?: ReminderSettings; dryRun?: boolean },
): Promise<PlannedMessage[]> {
  const settings = context.settings ?? DEFAULT_REMINDER_SETTINGS;
  const { now } = context;
  const zone = settings.timeZone;
  const holidaySet = await loadHolidays(db, now);
  const today = localDay(now, zone);
  const notBefore = nextSendableMoment(now, holidaySet, zone);
  const inOfficeHours = isWorkingDay(today, holidaySet) && now >= atLocal(today, SEND_WINDOW.opens, zone) && now < atLocal(today, SEND_WINDOW.closes, zone);
  const t = htmlTranslator(context.translate);
  const sweep: SweepContext = { now, today, zone, notBefore, t, translate: context.translate, line: taskLines(t, zone) };
  // Daily digests are built only in office hours of a working day, so each day gets its own.
  // Task reminders too: a day's come together in one message when the office is open, and a
  // reminder a weekend would hold back gives way to the closer one due on Monday. The kinds are
  // independent reads: on Postgres they run side by side (a catch-up at 100,000 people spent
  // most of its time waiting on them one after another), a few at a time (see KINDS_AT_ONCE).
  const none = async () => [] as Notification[];
  const kinds = await atMost(KINDS_AT_ONCE, [
    () => quarterDigests(db, { ...sweep, holidaySet }),
    inOfficeHours ? () => taskPings(db, { ...sweep, days: settings.taskPingDays }) : none,
    inOfficeHours ? () => overdueDigests(db, sweep) : none,
    inOfficeHours ? () => approvalDigests(db, sweep) : none,
    inOfficeHours && firstWorkingDayOfWeek(today, holidaySet) ? () => linkingDigests(db, sweep) : none,
    () => meetingReminders(db, { ...sweep, days: settings.meetingReminderDays }),
    () => registrationDeadlineReminders(db, { ...sweep, days: settings.taskPingDays }),
    () => inspectionReminders(db, sweep),
  ]);
  return enqueue(db, oneMessagePerHead(kinds.flat()), { dryRun: context.dryRun ?? false });
}

// Any constant works as long as every instance uses the same one; the migrations hold 7_264_001.
export const SWEEP_LOCK_KEY = 7_264_002;

/**
 * A sweep, unless another is at work (on another instance, or this one's previous sweep still
 * running); then undefined: that one queues what is due. Two sweeps side by side could each see
 * part of the other's work — a head's reminders read before the other committed them, the overdue
 * list after — and the reminders would go out a second time on their own.
 */
export async function sweepRemindersAlone(
  database: Pick<DatabaseHandle, "db" | "exclusively">,
  context: Parameters<typeof sweepReminders>[1],
): Promise<PlannedMessage[] | undefined> {
  const sweep = await database.exclusively(SWEEP_LOCK_KEY, () => sweepReminders(database.db, context));
  return sweep.ran ? sweep.value : undefined;
}

// All eight at once made the catch-up at 100,000 people slower, not faster: on a pool still empty
// (a sweep right after a start) each opened a connection of its own, a new server process whose
// caches warm up on its first queries, and eight heavy queries shared two cores. Three at a time:
// 1.27–1.36 s → 1.04 s for that first sweep, and 0.88–1.0 → 0.82–0.84 s once connections are warm
// (the server's CPU time for it 0.98 → 0.70–0.75 s).
const KINDS_AT_ONCE = 3;

/** Runs `tasks`, at most `limit` at a time; their results in their order. */
async function atMost<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
