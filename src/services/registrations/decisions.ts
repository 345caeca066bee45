import { eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { registrations } from "../../db/schema/index.js";
import { localDay } from "../../domain/calendar.js";
import { type Decider, mayTransition, ownsRegistration } from "../../domain/registration-rules.js";
import { approversOfEach, waitingFor } from "./approvers.js";
import { tellApprovers } from "./approver-notices.js";
import { escapeHtml } from "../../domain/text.js";
import type { Refusal, RegistrationStatus } from "../../domain/titles.js";
import { campaignOfYear, registrationWindow } from "../campaigns/campaigns.js";
import { catalogueOn, localName } from "../rules/catalogue.js";
import { enqueue } from "../outbox.js";
import { recordTransition, refusalOf } from "./submit.js";
import type { Registrant, Registration } from "./types.js";
import type { ServiceContext } from "../context.js";
import { registrationsWithPeople } from "./with-people.js";
import { isDecided } from "./live.js";

/** Withdraws one's own registration before the deadline. */
export async function withdrawRegistration(
  db: Database,
  person: Registrant,
  registrationId: number,
  context: ServiceContext,
): Promise<{ kind: "withdrawn"; registration: Registration } | { kind: "refused"; refusal: Refusal }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    if (!registration || !ownsRegistration(person, registration) || !mayTransition(registration.status, "withdraw"))
      return { kind: "refused" as const, refusal: { key: "register-not-yours", args: {} } };
    // Decided by the council (awarded or not): the record stands, whatever the window says.
    const [decided] = await queryRows<{ decided: boolean }>(tx, sql`select ${isDecided(sql`${registration.id}::bigint`)} as decided`);
    if (decided?.decided) return { kind: "refused" as const, refusal: { key: "withdraw-decided", args: {} } };
    const refused = refusalOf(registrationWindow(await campaignOfYear(tx, registration.year), now), context.timeZone);
    if (refused) return { kind: "refused" as const, refusal: refused };
    const [updated] = await tx.update(registrations).set({ status: "withdrawn", updatedAt: now }).where(eq(registrations.id, registrationId)).returning();
    await recordTransition(tx, { registration: updated as Registration, from: registration.status, action: "withdrawn", at: now, actor: context.actor });
    await tellApprovers(tx, updated as Registration, "withdrawn", { now, translate: context.translate, timeZone: context.timeZone });
    return { kind: "withdrawn" as const, registration: updated as Registration };
  });
}

export type PendingRegistration = Registration & { personName: string | null; position: string | null; unitName: string };

/** Registrations of a year waiting for this person's decision, with who registered and their unit. */
export async function pendingFor(db: Database, decider: Decider, year: number): Promise<PendingRegistration[]> {
  const waiting = await waitingFor(db, decider, year);
  if (waiting.length === 0) return [];
  const rows = await registrationsWithPeople(db)
    .where(
      inArray(
        registrations.id,
        waiting.map((row) => row.id),
      ),
    )
    .orderBy(registrations.createdAt, registrations.id);
  return rows.map((row) => ({ ...row.registration, personName: row.personName, position: row.position, unitName: row.unitName }));
}

/**
 * An approver (see approversOf: the unit head, or the leadership) approves a registration or
 * returns it with a reason; the employee is told through the outbox in the same transaction.
 * Nobody decides his own, whatever the button or command that asked.
 */
export async function decideRegistration(
  db: Database,
  head: Registrant,
  input: { registrationId: number; decision: "approve" | "return"; reason?: string },
  context: ServiceContext,
): Promise<{ kind: "approved" | "returned"; registration: Registration } | { kind: "refused"; refusal: Refusal }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, input.registrationId)).for("update");
    if (!registration) return { kind: "refused" as const, refusal: { key: "approve-not-your-unit", args: {} } };
    if (registration.personId === head.id || registration.registeredByPersonId === head.id) {
      return { kind: "refused" as const, refusal: { key: "approve-own", args: {} } };
    }
    if (!(await approversOfEach(tx, [registration])).get(registration.id)?.includes(head.id)) {
      return { kind: "refused" as const, refusal: { key: "approve-not-your-unit", args: {} } };
    }
    if (!mayTransition(registration.status, input.decision === "approve" ? "approve" : "giveBack"))
      return { kind: "refused" as const, refusal: { key: "approve-not-pending", args: {} } };
    const reason = input.reason?.trim().slice(0, 500) ?? "";
    if (input.decision === "return" && !reason) return { kind: "refused" as const, refusal: { key: "approve-reason-needed", args: {} } };
    const status: RegistrationStatus = input.decision === "approve" ? "approved" : "returned";
    const [updated] = await tx
      .update(registrations)
      .set({ status, returnReason: input.decision === "return" ? reason : null, updatedAt: now })
      .where(eq(registrations.id, registration.id))
      .returning();
    await recordTransition(tx, {
      registration: updated as Registration,
      from: registration.status,
      action: status,
      at: now,
      actor: context.actor,
      ...(reason ? { reason } : {}),
    });
    const catalogue = await catalogueOn(tx, localDay(now, context.timeZone));
    const title = catalogue.titles.find((entry) => entry.code === registration.titleCode);
    const notifyPerson = registration.personId ?? registration.registeredByPersonId;
    await enqueue(tx, [
      {
        personId: notifyPerson,
        dedupeKey: `registration:${registration.id}:${status}:${now.getTime()}`,
        kind: `registration-${status}`,
        notBefore: now,
        render: (locale) => ({
          parseMode: "HTML",
          text: context.translate(locale, status === "approved" ? "registration-approved-notice" : "registration-returned-notice", {
            title: escapeHtml(title ? localName(title, locale) : registration.titleCode),
            head: escapeHtml(head.fullName),
            reason: escapeHtml(reason),
          }),
        }),
      },
    ]);
    return { kind: status, registration: updated as Registration };
  });
}
