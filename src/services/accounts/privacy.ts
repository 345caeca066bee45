import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { auditLog, chatAccounts, people, privacyRequests, registrations, units } from "../../db/schema/index.js";
import type { PrivacyRequestKind } from "../../domain/privacy.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import { enqueue } from "../outbox.js";
import { activeWithRole } from "../roster/people-by-role.js";
import type { AuditContext, NoticeContext } from "../context.js";

/** Everything the bot keeps about a person, as /privacy shows it to them. */
export async function personalData(db: Database, personId: number) {
  const [person] = await db
    .select({
      fullName: people.fullName,
      staffCode: people.staffCode,
      position: people.position,
      roles: people.roles,
      unitName: units.name,
      consentedAt: people.consentedAt,
      createdAt: people.createdAt,
    })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.id, personId));
  if (!person) return undefined;
  const accounts = await db
    .select({ platform: chatAccounts.platform, displayName: chatAccounts.displayName, linkedAt: chatAccounts.linkedAt })
    .from(chatAccounts)
    .where(eq(chatAccounts.personId, personId))
    .orderBy(asc(chatAccounts.platform));
  const titles = await db
    .select({ year: registrations.year, titleCode: registrations.titleCode, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.personId, personId), eq(registrations.subject, "person")))
    .orderBy(asc(registrations.year));
  const [logged] = await db
    .select({ entries: count() })
    .from(auditLog)
    .where(sql`${auditLog.actorPersonId} = ${personId} or ${auditLog.subject} = ${`person:${personId}`}`);
  const open = await db
    .select({ kind: privacyRequests.kind, createdAt: privacyRequests.createdAt })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.personId, personId), isNull(privacyRequests.handledAt)));
  return { person, accounts, registrations: titles, auditEntries: logged?.entries ?? 0, openRequests: open };
}

/**
 * A copy of everything the bot keeps about a person (Law 91/2025 Art. 4: the right to get one):
 * what /privacy shows, with each entry of the audit log about them instead of its count.
 */
export async function personalDataCopy(db: Database, personId: number) {
  const data = await personalData(db, personId);
  if (!data) return undefined;
  const log = await db
    .select({ at: auditLog.at, action: auditLog.action, subject: auditLog.subject, by: auditLog.actorLabel })
    .from(auditLog)
    .where(sql`${auditLog.actorPersonId} = ${personId} or ${auditLog.subject} = ${`person:${personId}`}`)
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const { auditEntries: _count, ...kept } = data;
  return { ...kept, auditLog: log };
}

/**
 * Records a person's request to correct or delete their data and tells the secretariat, who must
 * act on it; the request and its handling are in the audit log.
 */
export async function requestPrivacyChange(
  db: Database,
  input: { personId: number; kind: PrivacyRequestKind; text: string },
  context: NoticeContext,
): Promise<number> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [request] = await tx
      .insert(privacyRequests)
      .values({ personId: input.personId, kind: input.kind, text: input.text, createdAt: now })
      .returning({ id: privacyRequests.id });
    const id = (request as { id: number }).id;
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: `privacy.${input.kind}-request`,
      subject: `person:${input.personId}`,
      details: { request: id },
    });
    const [who] = await tx
      .select({ name: people.fullName, unit: units.name })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(eq(people.id, input.personId));
    const secretariat = await activeWithRole(tx, "secretariat");
    await enqueue(
      tx,
      secretariat.map((personId) => ({
        personId,
        dedupeKey: `privacy-request:${id}:${personId}`,
        kind: "privacy-request",
        notBefore: now,
        render: (locale: string) => ({
          parseMode: "HTML" as const,
          text: context.translate(locale, `privacy-request-to-secretariat-${input.kind}`, {
            id,
            name: escapeHtml(who?.name ?? ""),
            unit: escapeHtml(who?.unit ?? ""),
            text: escapeHtml(input.text),
          }),
        }),
      })),
    );
    return id;
  });
}

/** The requests nobody has handled yet, oldest first (CLI: privacy requests). */
export function openPrivacyRequests(db: Database) {
  return db
    .select({
      id: privacyRequests.id,
      kind: privacyRequests.kind,
      text: privacyRequests.text,
      createdAt: privacyRequests.createdAt,
      name: people.fullName,
      staffCode: people.staffCode,
    })
    .from(privacyRequests)
    .innerJoin(people, eq(people.id, privacyRequests.personId))
    .where(isNull(privacyRequests.handledAt))
    .orderBy(asc(privacyRequests.createdAt));
}

/** Marks a request handled (what was done is the secretariat's note in the audit log). */
export async function closePrivacyRequest(db: Database, id: number, note: string, context: AuditContext): Promise<boolean> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(privacyRequests)
      .set({ handledAt: now })
      .where(and(eq(privacyRequests.id, id), isNull(privacyRequests.handledAt)))
      .returning({ personId: privacyRequests.personId });
    if (closed.length === 0) return false;
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "privacy.request-handled",
      subject: `person:${closed[0]?.personId}`,
      details: { request: id, note },
    });
    return true;
  });
}
