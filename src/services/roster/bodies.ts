import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people } from "../../db/schema/index.js";
import type { Role } from "../../domain/roles.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { activeByStaffCodes } from "./people-by-role.js";

/** The agency's bodies the secretariat manages from chat: a role each, granted to people. */
export const BODY_ROLES = ["council", "initiative_council", "secretariat", "leader"] as const satisfies readonly Role[];
export type BodyRole = (typeof BODY_ROLES)[number];

export type BodyChange = { role: BodyRole; change: "add" | "remove" | "chair"; staffCodes: string[] };

/**
 * Adds people to a body, removes them, or makes one the council's chair (a member, and the only
 * chair). Each change is audited and each person changed is told of their new role; what the
 * secretariat is answered is who actually changed, and which codes named nobody.
 */
export async function changeBody(db: Database, input: BodyChange, context: ServiceContext) {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const { people: named, unknown } = await activeByStaffCodes(tx, input.staffCodes);
    const chosen = input.change === "chair" ? named.slice(0, 1) : named;
    const grant: string[] = input.change === "chair" ? [input.role, "council_chair"] : [input.role];
    const changed = chosen.filter((person) =>
      input.change === "remove" ? person.roles.includes(input.role) : grant.some((role) => !person.roles.includes(role)),
    );
    // One chair: whoever held it before gives way (asked again for the same person, nothing changes).
    const newChair = input.change === "chair" ? changed[0] : undefined;
    if (newChair) {
      await tx.execute(sql`update people set roles = array_remove(roles, 'council_chair') where 'council_chair' = any(roles) and id <> ${newChair.id}`);
    }
    for (const person of changed) {
      const roles =
        input.change === "remove"
          ? person.roles.filter((role) => role !== input.role && !(input.role === "council" && role === "council_chair"))
          : [...new Set([...person.roles, ...grant])];
      await tx.update(people).set({ roles, updatedAt: now }).where(eq(people.id, person.id));
      await recordAudit(tx, { at: now, actor: context.actor, action: `body.${input.change}`, subject: `person:${person.id}`, details: { role: input.role } });
    }
    await enqueue(
      tx,
      noticeToEach(
        changed.map((person) => person.id),
        {
          key: `body:${input.role}:${input.change}:${now.getTime()}`,
          kind: "body-change",
          at: now,
          text: (locale) => context.translate(locale, `body-${input.change}-notice`, { body: escapeHtml(context.translate(locale, `body-${input.role}`)) }),
        },
      ),
    );
    return { changed: changed.map((person) => person.fullName), unknown };
  });
}

/** The members of a body, the chair first where the council has one. */
export async function bodyMembers(db: Database, role: BodyRole): Promise<{ fullName: string; staffCode: string; chair: boolean }[]> {
  const rows = await db
    .select({ fullName: people.fullName, staffCode: people.staffCode, roles: people.roles })
    .from(people)
    .where(and(eq(people.active, true), sql`${role} = any(${people.roles})`))
    .orderBy(people.fullName);
  return rows
    .map((row) => ({ fullName: row.fullName, staffCode: row.staffCode, chair: row.roles.includes("council_chair") }))
    .sort((a, b) => Number(b.chair) - Number(a.chair));
}
