import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { inspections, inspectionTeam, people } from "../../db/schema/index.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { activeByStaffCodes } from "../roster/people-by-role.js";

/**
 * Gives an inspection its team (đoàn kiểm tra) from chat: the first person named heads it when it
 * has no head yet. Each new member is told; the visits scheduled from now on reach them.
 */
export async function addToTeam(db: Database, input: { inspectionId: number; staffCodes: string[] }, context: ServiceContext) {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [inspection] = await tx.select().from(inspections).where(eq(inspections.id, input.inspectionId));
    if (!inspection) return { kind: "not-found" as const };
    const { people: ordered, unknown } = await activeByStaffCodes(tx, input.staffCodes);
    const team = await tx.select().from(inspectionTeam).where(eq(inspectionTeam.inspectionId, inspection.id));
    let hasHead = team.some((member) => member.role === "head");
    const added: { id: number; fullName: string }[] = [];
    for (const person of ordered) {
      if (team.some((member) => member.personId === person.id)) continue;
      const role = hasHead ? "member" : "head";
      hasHead = true;
      await tx.insert(inspectionTeam).values({ inspectionId: inspection.id, personId: person.id, role });
      await recordAudit(tx, {
        at: now,
        actor: context.actor,
        action: "team.add",
        subject: `inspection:${inspection.id}`,
        details: { personId: person.id, role },
      });
      added.push(person);
    }
    await enqueue(
      tx,
      noticeToEach(
        added.map((person) => person.id),
        {
          key: `team:${inspection.id}:added:${now.getTime()}`,
          kind: "team-added",
          at: now,
          text: (locale) => context.translate(locale, "team-added-notice", { title: escapeHtml(inspection.title) }),
        },
      ),
    );
    return {
      kind: "added" as const,
      added: added.map((person) => person.fullName),
      unknown,
    };
  });
}

/** An inspection's team, its head first. */
export async function teamOf(db: Database, inspectionId: number) {
  const rows = await db
    .select({ fullName: people.fullName, role: inspectionTeam.role })
    .from(inspectionTeam)
    .innerJoin(people, eq(people.id, inspectionTeam.personId))
    .where(eq(inspectionTeam.inspectionId, inspectionId));
  return rows.sort((a, b) => Number(b.role === "head") - Number(a.role === "head"));
}
