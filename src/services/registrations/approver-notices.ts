import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people, units } from "../../db/schema/index.js";
import { ACTIONS } from "../../domain/button-actions.js";
import { localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { catalogueOn, localName } from "../rules/catalogue.js";
import { enqueue, type Translate } from "../outbox.js";
import { approversOfEach } from "./approvers.js";
import type { Registration } from "./types.js";

export type ApproverNotice = "submitted" | "resubmitted" | "changed" | "withdrawn";

/**
 * Tells a registration's approvers what happened to it, in the same transaction: a new, changed
 * or resubmitted one comes with its approve and return buttons; a withdrawal is a note.
 */
export async function tellApprovers(
  tx: Database,
  registration: Registration,
  what: ApproverNotice,
  context: { now: Date; translate: Translate; timeZone: string },
): Promise<void> {
  const approvers = (await approversOfEach(tx, [registration])).get(registration.id) ?? [];
  if (approvers.length === 0) return;
  const [who] = await tx
    .select({ name: people.fullName, unit: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.id, registration.personId ?? registration.registeredByPersonId));
  const catalogue = await catalogueOn(tx, localDay(context.now, context.timeZone));
  const title = catalogue.titles.find((entry) => entry.code === registration.titleCode);
  const decidable = what !== "withdrawn";
  await enqueue(
    tx,
    approvers.map((personId) => ({
      personId,
      dedupeKey: `registration:${registration.id}:${what}:${context.now.getTime()}:approver:${personId}`,
      kind: `registration-${what}-to-approver`,
      notBefore: context.now,
      render: (locale) => ({
        parseMode: "HTML" as const,
        text: context.translate(locale, `approver-${what}`, {
          // For a collective title, the head who registered it for the unit.
          name: escapeHtml(who?.name ?? ""),
          unit: escapeHtml(who?.unit ?? ""),
          title: escapeHtml(title ? localName(title, locale) : registration.titleCode),
        }),
        ...(decidable
          ? {
              buttons: [
                [
                  { text: context.translate(locale, "approver-button-approve"), data: ACTIONS.approve.encode(registration.id) },
                  { text: context.translate(locale, "approver-button-return"), data: ACTIONS.giveBack.encode(registration.id) },
                ],
              ],
            }
          : {}),
      }),
    })),
  );
}
