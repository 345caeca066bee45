import { asc, gte } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";

/** Who did something: a person acting in chat, or an operator at the CLI. */
export type Actor = { personId: number | null; label: string };

export const cliActor: Actor = { personId: null, label: "cli" };

/** Writes the audit row; call it inside the transaction of the change it records. */
export async function recordAudit(
  tx: Database,
  entry: { at: Date; actor: Actor; action: string; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    at: entry.at,
    actorPersonId: entry.actor.personId,
    actorLabel: entry.actor.label,
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? {},
  });
}

/** The audit log from a moment on, oldest first. */
export function auditSince(db: Database, since: Date) {
  return db.select().from(auditLog).where(gte(auditLog.at, since)).orderBy(asc(auditLog.at), asc(auditLog.id));
}
