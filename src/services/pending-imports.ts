import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.js";
import { pendingImports } from "../db/schema.js";
import type { ParsedPlan } from "../domain/plan-document.js";

const PENDING_FOR_MS = 24 * 3_600_000;

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
      deadline: z.object({ year: z.number(), month: z.number(), day: z.number() }).nullable(),
    }),
  ),
});

export async function storePendingPlan(db: Database, input: { chatAccountId: number; sourceName: string; plan: ParsedPlan; now: Date }): Promise<number> {
  const [row] = await db
    .insert(pendingImports)
    .values({ chatAccountId: input.chatAccountId, kind: "plan", sourceName: input.sourceName, payload: input.plan, createdAt: input.now })
    .returning({ id: pendingImports.id });
  return (row as { id: number }).id;
}

/** The pending plan of this account, if it is still open; anyone else's id finds nothing. */
export async function loadPendingPlan(db: Database, id: number, chatAccountId: number, now: Date) {
  const [row] = await db
    .select()
    .from(pendingImports)
    .where(
      and(
        eq(pendingImports.id, id),
        eq(pendingImports.chatAccountId, chatAccountId),
        eq(pendingImports.kind, "plan"),
        isNull(pendingImports.finishedAt),
        gt(pendingImports.createdAt, new Date(now.getTime() - PENDING_FOR_MS)),
      ),
    );
  if (!row) return undefined;
  return { id: row.id, sourceName: row.sourceName, plan: parsedPlanSchema.parse(row.payload) as ParsedPlan };
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
