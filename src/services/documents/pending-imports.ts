import { and, desc, eq, gt, isNull } from "drizzle-orm";
import * as z from "zod";
import type { Database } from "../../db/client.js";
import { pendingImports } from "../../db/schema/index.js";
import type { ParsedPlan } from "../../domain/plan-reader/plan.js";
import type { RawRow } from "../../domain/roster.js";

const PENDING_FOR_MS = 24 * 3_600_000;

const calendarDate = z.object({ year: z.number(), month: z.number(), day: z.number() });
const partSource = z.enum(["table", "text", "default", "clerk"]);

// What is stored is what the parser made; it is read back through a schema all the same.
const parsedPlanSchema = z.object({
  year: z.number().int(),
  title: z.string(),
  warnings: z.array(z.string()),
  tasks: z.array(
    z.object({
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      number: z.string(),
      content: z.string(),
      leadUnits: z.array(z.string()),
      coordinatingUnits: z.array(z.string()),
      deadline: calendarDate.nullable(),
      deadlineFrom: z.enum(["time", "text", "prose", "clerk", "window"]).nullable().default(null),
      quarterFrom: partSource.default("table"),
      unitsFrom: partSource.default("table"),
    }),
  ),
  meetings: z.array(z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), title: z.string() })).default([]),
  registrationDeadline: calendarDate.nullable().default(null),
  campaign: z.object({ title: z.string(), year: z.number().int(), from: calendarDate.nullable(), to: calendarDate.nullable() }).nullable().default(null),
});

const rawRowsSchema = z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) }));

type PendingKind = "plan" | "roster" | "holidays" | "inspection";

async function storePending(
  db: Database,
  kind: PendingKind,
  input: { chatAccountId: number; sourceName: string; payload: unknown; now: Date },
): Promise<number> {
  const [row] = await db
    .insert(pendingImports)
    .values({ chatAccountId: input.chatAccountId, kind, sourceName: input.sourceName, payload: input.payload, createdAt: input.now })
    .returning({ id: pendingImports.id });
  return (row as { id: number }).id;
}

export function storePendingPlan(db: Database, input: { chatAccountId: number; sourceName: string; plan: ParsedPlan; now: Date }): Promise<number> {
  return storePending(db, "plan", { ...input, payload: input.plan });
}

/** A roster file's rows, read and waiting for the secretariat's confirmation. */
export function storePendingRoster(db: Database, input: { chatAccountId: number; sourceName: string; rows: RawRow[]; now: Date }): Promise<number> {
  return storePending(db, "roster", { ...input, payload: input.rows });
}

const holidaysSchema = z.object({ days: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() })) });

/** Days off read from a message or a file, waiting for confirmation. */
export function storePendingHolidays(
  db: Database,
  input: { chatAccountId: number; sourceName: string; days: { day: string; name: string }[]; now: Date },
): Promise<number> {
  return storePending(db, "holidays", { ...input, payload: { days: input.days } });
}

export async function loadPendingHolidays(db: Database, id: number, chatAccountId: number, now: Date) {
  const row = await loadPending(db, "holidays", id, chatAccountId, now);
  return row && { id: row.id, days: holidaysSchema.parse(row.payload).days };
}

/** An inspection plan's text, parsed again on confirmation (parsing is cheap and pure). */
export function storePendingInspection(db: Database, input: { chatAccountId: number; sourceName: string; text: string; now: Date }): Promise<number> {
  return storePending(db, "inspection", { ...input, payload: { text: input.text } });
}

export async function loadPendingInspection(db: Database, id: number, chatAccountId: number, now: Date) {
  const row = await loadPending(db, "inspection", id, chatAccountId, now);
  return row && { id: row.id, sourceName: row.sourceName, text: z.object({ text: z.string() }).parse(row.payload).text };
}

/** The pending plan of this account, if it is still open; anyone else's id finds nothing. */
export async function loadPendingPlan(db: Database, id: number, chatAccountId: number, now: Date) {
  const row = await loadPending(db, "plan", id, chatAccountId, now);
  return row && asPendingPlan(row);
}

function asPendingPlan(row: typeof pendingImports.$inferSelect) {
  return { id: row.id, sourceName: row.sourceName, plan: parsedPlanSchema.parse(row.payload) as ParsedPlan };
}

/** The plan this account is previewing now (its latest open one), for corrections typed in chat. */
export async function latestPendingPlan(db: Database, chatAccountId: number, now: Date) {
  const [row] = await db
    .select()
    .from(pendingImports)
    .where(openPending(chatAccountId, "plan", now))
    .orderBy(desc(pendingImports.id))
    .limit(1);
  return row && asPendingPlan(row);
}

/** Keeps the clerk's corrections: the plan saved later is the corrected one. False once the import is closed. */
export async function updatePendingPlan(db: Database, id: number, plan: ParsedPlan): Promise<boolean> {
  const updated = await db
    .update(pendingImports)
    .set({ payload: plan })
    .where(and(eq(pendingImports.id, id), eq(pendingImports.kind, "plan"), isNull(pendingImports.finishedAt)))
    .returning({ id: pendingImports.id });
  return updated.length > 0;
}

/** The pending roster of this account, if it is still open. */
export async function loadPendingRoster(db: Database, id: number, chatAccountId: number, now: Date) {
  const row = await loadPending(db, "roster", id, chatAccountId, now);
  return row && { id: row.id, sourceName: row.sourceName, rows: rawRowsSchema.parse(row.payload) };
}

async function loadPending(db: Database, kind: PendingKind, id: number, chatAccountId: number, now: Date) {
  const [row] = await db
    .select()
    .from(pendingImports)
    .where(and(eq(pendingImports.id, id), openPending(chatAccountId, kind, now)));
  return row;
}

/** An import of this account and kind, not closed and not older than a day. */
function openPending(chatAccountId: number, kind: PendingKind, now: Date) {
  return and(
    eq(pendingImports.chatAccountId, chatAccountId),
    eq(pendingImports.kind, kind),
    isNull(pendingImports.finishedAt),
    gt(pendingImports.createdAt, new Date(now.getTime() - PENDING_FOR_MS)),
  );
}

/** Closes a pending import; true only for the caller that closed it (a double press finds it closed). */
export async function finishPendingImport(db: Database, id: number, now: Date): Promise<boolean> {
  const closed = await db
    .update(pendingImports)
    .set({ finishedAt: now })
    .where(and(eq(pendingImports.id, id), isNull(pendingImports.finishedAt)))
    .returning({ id: pendingImports.id });
  return closed.length > 0;
}
