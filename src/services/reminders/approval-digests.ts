import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { registrations } from "../../db/schema/index.js";
import { emulationYear } from "../campaigns/campaigns.js";
import type { Notification } from "../outbox.js";
import { approversOfEach } from "../registrations/approvers.js";
import type { SweepContext } from "./context.js";

/**
 * Once per office day, each approver with registrations still waiting for them (this year's,
 * and last year's, which are decided into Q1) is told how many, and where to decide them. The
 * key is the day and the approver: enqueue skips what was queued already.
 */
export async function approvalDigests(db: Database, context: SweepContext): Promise<Notification[]> {
  const year = await emulationYear(db, context.now, context.zone);
  const waiting = await db
    .select()
    .from(registrations)
    .where(and(inArray(registrations.year, [year - 1, year]), eq(registrations.status, "submitted")));
  const approvers = await approversOfEach(db, waiting);
  const count = new Map<number, number>();
  for (const ids of approvers.values()) for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  return [...count].map(([personId, pending]) => ({
    personId,
    dedupeKey: `approvals:${context.today}:person:${personId}`,
    kind: "approval-digest",
    notBefore: context.notBefore,
    render: (locale) => ({ parseMode: "HTML", text: context.t(locale, "reminder-approvals", { count: pending }) }),
  }));
}
