import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people } from "../../db/schema/index.js";
import type { Discipline } from "../../domain/eligibility.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

/**
 * Records (or clears) that a person is under consideration for discipline, under investigation, or
 * disciplined in a year: sensitive data, kept to what the law's rule on proposals needs and
 * audited. Returns the person's name, or undefined when no active person has the code.
 */
export async function recordDiscipline(db: Database, staffCode: string, discipline: Discipline | null, context: AuditContext): Promise<string | undefined> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [person] = await tx
      .update(people)
      .set({ discipline })
      .where(and(eq(people.staffCode, staffCode.toUpperCase()), eq(people.active, true)))
      .returning({ id: people.id, fullName: people.fullName });
    if (!person) return undefined;
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: discipline ? "person.discipline" : "person.discipline-cleared",
      subject: `person:${person.id}`,
      details: discipline ? { kind: discipline.kind, level: discipline.level ?? null, year: discipline.year } : {},
    });
    return person.fullName;
  });
}
