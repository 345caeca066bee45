import { asc, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { holidays } from "../../db/schema/index.js";
import { FIXED_HOLIDAYS, type LocalDay } from "../../domain/calendar.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

/** Adds a holiday that moves from year to year (Tết, Giỗ Tổ Hùng Vương) or a compensatory day off. */
export async function addHoliday(db: Database, day: LocalDay, name: string, context: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(holidays)
      .values({ day, name })
      .onConflictDoUpdate({ target: [holidays.agencyId, holidays.day], set: { name } });
    await recordAudit(tx, { at: context.clock(), actor: context.actor, action: "holiday.add", subject: `holiday:${day}`, details: { name } });
  });
}

/** Days off as a set, for checking dates: the fixed national holidays around `at`'s year and every recorded one. */
export async function loadHolidays(db: Database, at: Date): Promise<Set<LocalDay>> {
  const year = at.getUTCFullYear();
  return new Set((await holidaysOf(db, [year - 1, year, year + 1])).map((holiday) => holiday.day));
}

/** The recorded holidays and, for `at`'s year and the years they cover, the fixed national ones. */
export async function listHolidays(db: Database, at: Date): Promise<{ day: LocalDay; name: string }[]> {
  return holidaysOf(db, [at.getUTCFullYear()]);
}

// One merge of the fixed and the recorded days: a recorded day's name wins over a fixed one's.
async function holidaysOf(db: Database, years: number[]): Promise<{ day: LocalDay; name: string }[]> {
  const recorded = await db.select({ day: holidays.day, name: holidays.name }).from(holidays).orderBy(asc(holidays.day));
  const allYears = new Set([...years, ...recorded.map((holiday) => Number(holiday.day.slice(0, 4)))]);
  const fixed = [...allYears].flatMap((year) => FIXED_HOLIDAYS.map((holiday) => ({ day: `${year}-${holiday.monthDay}`, name: holiday.name })));
  const byDay = new Map([...fixed, ...recorded].map((holiday) => [holiday.day, holiday]));
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Adds a list of days off in one transaction (a day already recorded takes the new name). */
export async function addHolidays(db: Database, days: { day: LocalDay; name: string }[], context: AuditContext): Promise<number> {
  if (days.length === 0) return 0;
  await db.transaction(async (tx) => {
    await tx
      .insert(holidays)
      .values(days)
      .onConflictDoUpdate({ target: [holidays.agencyId, holidays.day], set: { name: sql`excluded.name` } });
    await recordAudit(tx, {
      at: context.clock(),
      actor: context.actor,
      action: "holiday.import",
      subject: "holidays",
      details: { days: days.map((entry) => entry.day) },
    });
  });
  return days.length;
}
