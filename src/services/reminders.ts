import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../db/client.js";
import { holidays } from "../db/schema/index.js";
import {
  addLocalDays,
  atLocal,
  DEFAULT_REMINDER_DAYS,
  DEFAULT_TIME_ZONE,
  FIXED_HOLIDAYS,
  formatDate,
  formatDateTime,
  isWorkingDay,
  type LocalDay,
  localDay,
  nextSendableMoment,
  nextWorkingDay,
  quarterDays,
  quarterOfDay,
  SEND_WINDOW,
} from "../domain/calendar.js";
import { escapeHtml } from "../domain/text.js";
import type { MessageArgs } from "../domain/user-error.js";
import { enqueue, type Notification, type PlannedMessage, type Translate } from "./outbox.js";
import { registrationReminder } from "./registrations.js";
import { ACTIONS } from "../domain/button-actions.js";

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

// Telegram allows 4096 characters; a digest stops listing well before that.
const DIGEST_LIMIT = 3500;

/** Public holidays: the fixed national ones for the years around `at`, and those recorded in the database. */
export async function loadHolidays(db: Database, at: Date): Promise<Set<LocalDay>> {
  const year = at.getUTCFullYear();
  const days = new Set<LocalDay>();
  for (const y of [year - 1, year, year + 1]) for (const holiday of FIXED_HOLIDAYS) days.add(`${y}-${holiday.monthDay}`);
  for (const row of await db.select({ day: holidays.day }).from(holidays)) days.add(row.day);
  return days;
}

type ShareRow = {
  person_id: number;
  task_id: number;
  unit_id: number;
  unit_name: string;
  number: string;
  quarter: number;
  content: string;
  due_at: string;
  role: string;
  done: boolean;
};

/**
 * One sweep: works out with set-based SQL what is due at `now` and has not been queued yet, and
 * queues it. Each query is bounded by dates and skips what exists, so the work grows with what is
 * due, not with the size of the tables; running it twice, or on two instances, queues nothing new.
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
  const sweep: SweepContext = { now, today, zone, notBefore, t: htmlTranslator(context.translate), translate: context.translate };
  const notifications: Notification[] = [];

  notifications.push(...(await quarterDigests(db, { ...sweep, holidaySet })));
  notifications.push(...(await taskPings(db, { ...sweep, days: settings.taskPingDays })));
  // Daily digests are built only in office hours of a working day, so each day gets its own.
  if (inOfficeHours) notifications.push(...(await overdueDigests(db, sweep)));
  notifications.push(...(await meetingReminders(db, { ...sweep, days: settings.meetingReminderDays })));
  notifications.push(...(await registrationDeadlineReminders(db, { ...sweep, days: settings.taskPingDays })));
  notifications.push(...(await inspectionReminders(db, sweep)));
  return enqueue(db, notifications, { dryRun: context.dryRun ?? false });
}

type HtmlTranslate = (locale: string, key: string, args?: MessageArgs) => string;

/** Translates with every string argument escaped, since reminder texts are HTML. */
function htmlTranslator(translate: Translate): HtmlTranslate {
  return (locale, key, args = {}) =>
    translate(locale, key, Object.fromEntries(Object.entries(args).map(([name, value]) => [name, typeof value === "string" ? escapeHtml(value) : value])));
}

type SweepContext = { now: Date; today: LocalDay; zone: string; notBefore: Date; t: HtmlTranslate; translate: Translate };

// ---------------------------------------------------------------- quarter-start digest

async function quarterDigests(db: Database, context: SweepContext & { holidaySet: ReadonlySet<LocalDay> }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const year = Number(today.slice(0, 4));
  const quarter = quarterOfDay(today);
  const firstWorkingDay = nextWorkingDay(quarterDays(year, quarter).first, context.holidaySet);
  if (now < atLocal(firstWorkingDay, "08:00:00", zone)) return [];
  const keyPrefix = `digest:${year}-Q${quarter}:person:`;
  const rows = await queryRows<ShareRow>(
    db,
    sql`select p.id::int as person_id, t.id::int as task_id, s.unit_id::int as unit_id, u.name as unit_name, t.number, t.quarter,
               t.content, t.due_at::text as due_at, s.role, s.done_at is not null as done
        from plan_task_units s
        join plan_tasks t on t.id = s.task_id and t.removed_at is null
        join plans pl on pl.id = t.plan_id and pl.year = ${year}
        join units u on u.id = s.unit_id
        join people p on p.unit_id = s.unit_id and p.active and 'head' = any(p.roles)
        where t.quarter = ${quarter} and s.removed_at is null
          and not exists (select 1 from outbox o where o.notification_key = ${keyPrefix} || p.id::text)
        order by p.id, t.due_at, t.id`,
  );
  return groupByPerson(rows).map(([personId, shares]) => ({
    personId,
    dedupeKey: `${keyPrefix}${personId}`,
    kind: "task-digest",
    notBefore: context.notBefore,
    render: (locale) => ({
      parseMode: "HTML",
      text: fitLines(
        t(locale, "reminder-quarter-digest", { quarter, year: String(year), unit: shares[0]?.unit_name ?? "", count: shares.length }),
        shares.map((share) => taskLine(t, locale, share, zone)),
        (more) => t(locale, "reminder-more", { count: more }),
      ),
    }),
  }));
}

// Each unit's unfinished share of a task, with the heads of that unit: what pings and overdue
// digests are about. The callers add the date condition.
const unfinishedSharesOfHeads = sql`select p.id::int as person_id, t.id::int as task_id, s.unit_id::int as unit_id, u.name as unit_name,
       t.number, t.quarter, t.content, t.due_at::text as due_at, s.role, false as done
  from plan_tasks t
  join plan_task_units s on s.task_id = t.id and s.removed_at is null and s.done_at is null
  join units u on u.id = s.unit_id
  join people p on p.unit_id = s.unit_id and p.active and 'head' = any(p.roles)`;

// ---------------------------------------------------------------- T-n pings

async function taskPings(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const notifications: Notification[] = [];
  for (const { offset, from: dueFrom, until: dueUntil } of offsetWindows(context.days, today, zone)) {
    const rows = await queryRows<ShareRow>(
      db,
      sql`${unfinishedSharesOfHeads}
          where t.removed_at is null and t.due_at > ${timestamp(now)}
            and t.due_at >= ${timestamp(dueFrom)} and t.due_at < ${timestamp(dueUntil)}
            and not exists (select 1 from outbox o where o.notification_key = 'task:' || t.id::text || ':unit:' || s.unit_id::text || ':T-${sql.raw(String(offset))}:person:' || p.id::text)
          order by t.due_at, t.id`,
    );
    for (const share of rows) {
      const dueAt = new Date(share.due_at);
      // A ping that could only go out after the deadline says nothing the overdue digest will not.
      if (context.notBefore >= dueAt) continue;
      const daysLeft = Math.round((Date.parse(`${localDay(dueAt, zone)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      notifications.push({
        personId: share.person_id,
        dedupeKey: `task:${share.task_id}:unit:${share.unit_id}:T-${offset}:person:${share.person_id}`,
        kind: "task-ping",
        notBefore: context.notBefore,
        render: (locale) => ({
          parseMode: "HTML",
          text: t(locale, "reminder-task-due", {
            days: daysLeft,
            due: formatDate(dueAt, zone),
            number: share.number,
            quarter: share.quarter,
            content: share.content,
            unit: share.unit_name,
          }),
          buttons: [[{ text: t(locale, "tasks-button-done", { number: share.number }), data: ACTIONS.taskDone.encode(share.task_id) }]],
        }),
      });
    }
  }
  return notifications;
}

// ---------------------------------------------------------------- daily overdue digests

async function overdueDigests(db: Database, context: SweepContext): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const headKey = `overdue:${today}:person:`;
  const rows = await queryRows<ShareRow>(
    db,
    sql`${unfinishedSharesOfHeads}
        where t.removed_at is null and t.due_at < ${timestamp(now)}
          and not exists (select 1 from outbox o where o.notification_key = ${headKey} || p.id::text)
        order by p.id, t.due_at, t.id`,
  );
  const notifications: Notification[] = groupByPerson(rows).map(([personId, shares]) => ({
    personId,
    dedupeKey: `${headKey}${personId}`,
    kind: "task-overdue",
    notBefore: context.notBefore,
    render: (locale) => ({
      parseMode: "HTML",
      text: fitLines(
        t(locale, "reminder-overdue-digest", { unit: shares[0]?.unit_name ?? "", count: shares.length }),
        shares.map((share) => taskLine(t, locale, share, zone)),
        (more) => t(locale, "reminder-more", { count: more }),
      ),
    }),
  }));

  const summaryKey = `overdue-summary:${today}:person:`;
  const perUnit = await queryRows<{ unit_name: string; overdue: number }>(
    db,
    sql`select u.name as unit_name, count(*)::int as overdue
        from plan_tasks t
        join plan_task_units s on s.task_id = t.id and s.removed_at is null and s.done_at is null
        join units u on u.id = s.unit_id
        where t.removed_at is null and t.due_at < ${timestamp(now)}
        group by u.name order by count(*) desc, u.name`,
  );
  if (perUnit.length === 0) return notifications;
  const secretariat = await queryRows<{ person_id: number }>(
    db,
    sql`select p.id::int as person_id from people p
        where p.active and 'secretariat' = any(p.roles)
          and not exists (select 1 from outbox o where o.notification_key = ${summaryKey} || p.id::text)`,
  );
  const total = perUnit.reduce((sum, unit) => sum + unit.overdue, 0);
  for (const { person_id: personId } of secretariat) {
    notifications.push({
      personId,
      dedupeKey: `${summaryKey}${personId}`,
      kind: "task-overdue-summary",
      notBefore: context.notBefore,
      render: (locale) => ({
        parseMode: "HTML",
        text: fitLines(
          t(locale, "reminder-overdue-summary", { count: total, units: perUnit.length }),
          perUnit.map((unit) => t(locale, "reminder-overdue-summary-line", { unit: unit.unit_name, count: unit.overdue })),
          (more) => t(locale, "reminder-more", { count: more }),
        ),
      }),
    });
  }
  return notifications;
}

// ---------------------------------------------------------------- council meetings

async function meetingReminders(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const notifications: Notification[] = [];
  for (const { offset, from, until } of offsetWindows(context.days, today, zone)) {
    const rows = await queryRows<{ meeting_id: number; person_id: number; starts_at: string; place: string; agenda: string }>(
      db,
      sql`select m.id::int as meeting_id, p.id::int as person_id, m.starts_at::text as starts_at, m.place, m.agenda
          from meetings m
          join people p on p.active and 'council' = any(p.roles)
          where m.cancelled_at is null and m.starts_at > ${timestamp(now)}
            and m.starts_at >= ${timestamp(from)} and m.starts_at < ${timestamp(until)}
            and not exists (select 1 from outbox o where o.notification_key = 'meeting:' || m.id::text || ':T-${sql.raw(String(offset))}:person:' || p.id::text)`,
    );
    for (const row of rows) {
      const startsAt = new Date(row.starts_at);
      notifications.push({
        personId: row.person_id,
        dedupeKey: `meeting:${row.meeting_id}:T-${offset}:person:${row.person_id}`,
        kind: "meeting-reminder",
        notBefore: context.notBefore,
        render: (locale) => ({
          parseMode: "HTML",
          text: t(locale, "reminder-meeting", { when: formatDateTime(startsAt, zone), place: row.place, agenda: row.agenda }),
        }),
      });
    }
  }
  return notifications;
}

// ---------------------------------------------------------------- registration deadline

/** 7, 3 and 1 days before the registration deadline: everyone not registered yet is reminded. */
async function registrationDeadlineReminders(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone } = context;
  const year = Number(today.slice(0, 4));
  const [campaign] = await queryRows<{ title: string; deadline_at: string; launched_at: string }>(
    db,
    sql`select title, deadline_at::text as deadline_at, launched_at::text as launched_at from campaigns where year = ${year}`,
  );
  if (!campaign) return [];
  const deadline = new Date(campaign.deadline_at);
  if (new Date(campaign.launched_at) > now || deadline <= now) return [];
  const deadlineDay = localDay(deadline, zone);
  // The closest offset whose day has come: 2 days before the deadline is the T-3 reminder.
  const offset = [...new Set(context.days)].sort((a, b) => a - b).find((days) => addLocalDays(deadlineDay, -days) <= today);
  if (offset === undefined) return [];
  const keyPrefix = `register-deadline:${year}:T-${offset}:person:`;
  const rows = await queryRows<{ person_id: number }>(
    db,
    sql`select p.id::int as person_id from people p
        where p.active
          and not exists (select 1 from registrations r where r.person_id = p.id and r.year = ${year} and r.subject = 'person' and r.status <> 'withdrawn')
          and exists (select 1 from chat_accounts a where a.person_id = p.id and not a.blocked)
          and not exists (select 1 from outbox o where o.notification_key = ${keyPrefix} || p.id::text)`,
  );
  const details = { title: campaign.title, deadline: formatDate(deadline, zone) };
  return rows.map(({ person_id: personId }) =>
    registrationReminder({ personId, dedupeKey: `${keyPrefix}${personId}`, notBefore: context.notBefore, campaign: details, translate: context.translate }),
  );
}

// ---------------------------------------------------------------- inspection visits

/**
 * Around each scheduled visit: the report reminder to the unit the day before the report is due
 * and on the day, the reminder to the unit and every team member the day before the visit, and a
 * flag to the secretariat when the report is late. A moved visit has a new version and new keys;
 * a cancelled one is skipped.
 */
async function inspectionReminders(db: Database, context: SweepContext): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const rows = await queryRows<{
    id: number;
    version: number;
    starts_at: string;
    unit_id: number;
    unit_name: string;
    inspection_id: number;
    report_days: number;
    reported: boolean;
    on_documents: boolean;
  }>(
    db,
    sql`select v.id::int as id, v.version, v.starts_at::text as starts_at, v.unit_id::int as unit_id, u.name as unit_name,
               v.inspection_id::int as inspection_id, i.report_days, v.report_received_at is not null as reported, v.on_documents_only as on_documents
        from inspection_visits v join inspections i on i.id = v.inspection_id join units u on u.id = v.unit_id
        where v.status = 'scheduled' and v.starts_at > ${timestamp(new Date(now.getTime() - 15 * 86_400_000))}
          and v.starts_at < ${timestamp(new Date(now.getTime() + 40 * 86_400_000))}`,
  );
  if (rows.length === 0) return [];
  // Who is concerned, for every visit at once: the heads of the inspected units, each team, the secretariat.
  const heads = await queryRows<{ id: number; unit_id: number }>(
    db,
    sql`select id::int as id, unit_id::int as unit_id from people
        where active and 'head' = any(roles) and unit_id in (${sql.join(
          [...new Set(rows.map((row) => row.unit_id))].map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const teams = await queryRows<{ id: number; inspection_id: number }>(
    db,
    sql`select person_id::int as id, inspection_id::int as inspection_id from inspection_team
        where inspection_id in (${sql.join(
          [...new Set(rows.map((row) => row.inspection_id))].map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const secretariat = await queryRows<{ id: number }>(db, sql`select id::int as id from people where active and 'secretariat' = any(roles)`);
  const notifications: Notification[] = [];
  for (const visit of rows) {
    const startsAt = new Date(visit.starts_at);
    const visitDay = localDay(startsAt, zone);
    const reportDay = addLocalDays(visitDay, -visit.report_days);
    const key = `visit:${visit.id}:v${visit.version}`;
    const args = { unit: visit.unit_name, when: formatDateTime(startsAt, zone), report: formatDate(atLocal(reportDay, "12:00:00", zone), zone) };
    const unitHeads = heads.filter((head) => head.unit_id === visit.unit_id);
    const team = teams.filter((member) => member.inspection_id === visit.inspection_id);
    const notify = (people: { id: number }[], suffix: string, message: string) =>
      people.map(({ id: personId }) => ({
        personId,
        dedupeKey: `${key}:${suffix}:person:${personId}`,
        kind: `visit-${suffix}`,
        notBefore: context.notBefore,
        render: (locale: string) => ({ parseMode: "HTML" as const, text: t(locale, message, args) }),
      }));
    if (!visit.reported && today === addLocalDays(reportDay, -1)) notifications.push(...notify(unitHeads, "report-eve", "visit-report-due-tomorrow"));
    if (!visit.reported && today === reportDay) notifications.push(...notify(unitHeads, "report-day", "visit-report-due-today"));
    if (today === addLocalDays(visitDay, -1))
      notifications.push(...notify([...unitHeads, ...team], "eve", visit.on_documents ? "visit-tomorrow-documents" : "visit-tomorrow"));
    if (!visit.reported && today > reportDay && now < startsAt) notifications.push(...notify(secretariat, "late", "visit-report-late"));
  }
  // What is queued already is skipped by its key; rendering a few dozen visits a minute is cheap.
  return notifications;
}

// ---------------------------------------------------------------- helpers

/**
 * For reminders n days ahead: the reminder of n days covers what falls in (closer offset, n] days
 * from today, so only the closest applies — a task due in 2 days gets the 3-day ping, not the
 * 7-day one it missed.
 */
function offsetWindows(days: number[], today: LocalDay, zone: string): { offset: number; from: Date; until: Date }[] {
  const offsets = [...new Set(days)].filter((day) => day > 0).sort((a, b) => a - b);
  return offsets.map((offset, index) => {
    const closer = offsets[index - 1];
    return {
      offset,
      from: atLocal(closer === undefined ? today : addLocalDays(today, closer + 1), "00:00:00", zone),
      until: atLocal(addLocalDays(today, offset + 1), "00:00:00", zone),
    };
  });
}

function groupByPerson(rows: ShareRow[]): [number, ShareRow[]][] {
  const groups = new Map<number, ShareRow[]>();
  for (const row of rows) groups.set(row.person_id, [...(groups.get(row.person_id) ?? []), row]);
  return [...groups.entries()];
}

function taskLine(t: HtmlTranslate, locale: string, share: ShareRow, zone: string): string {
  return t(locale, share.done ? "reminder-task-line-done" : "reminder-task-line", {
    number: share.number,
    quarter: share.quarter,
    content: share.content.replace(/\n/g, " "),
    due: formatDate(new Date(share.due_at), zone),
    role: t(locale, `tasks-role-${share.role}`),
  });
}

/** The header and as many lines as fit, then "… and N more". */
function fitLines(header: string, lines: string[], more: (count: number) => string): string {
  const kept: string[] = [];
  let length = header.length;
  for (const [index, line] of lines.entries()) {
    if (length + line.length + 1 > DIGEST_LIMIT) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return [header, ...kept].join("\n");
}
