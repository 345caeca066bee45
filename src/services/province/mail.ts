import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { ZodType } from "zod";
import { type Database, queryRows } from "../../db/client.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";
import { agencyMail, agencyMailFiles } from "../../db/schema/index.js";
import type { AgencyMailKind } from "../../domain/agency-mail.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";

export type Relation = "province" | "member" | "cluster";
export type RelatedAgency = { id: number; code: string; name: string; relation: Relation };

/** The agencies this one may write to: its province, the agencies under it, its clusters' other members. */
export async function relatedAgencies(db: Database): Promise<RelatedAgency[]> {
  return queryRows<RelatedAgency>(db, sql`select id, code, name, relation from tdkt_related_agencies() order by relation, code`);
}

export type OutgoingMail = { to: number; kind: AgencyMailKind; key: string; payload: unknown; at: Date; files?: { fileName: string; bytes: Buffer }[] };

/** Sends a mail (in the caller's transaction); undefined when one with its kind and key was sent before. */
export async function sendMail(tx: Database, mail: OutgoingMail): Promise<number | undefined> {
  const [sent] = await tx
    .insert(agencyMail)
    .values({ toAgencyId: mail.to, kind: mail.kind, key: mail.key, payload: mail.payload, createdAt: mail.at })
    .onConflictDoNothing()
    .returning({ id: agencyMail.id });
  if (!sent) return undefined;
  for (const file of mail.files ?? [])
    await tx.insert(agencyMailFiles).values({ mailId: sent.id, fileName: file.fileName, contentBase64: file.bytes.toString("base64") });
  return sent.id;
}

export type ReceivedMail<T> = { id: number; fromAgencyId: number; createdAt: Date; payload: T };

/** A mail this agency sent or received, parsed as its kind; undefined if there is none such. */
export async function mailOf<T>(
  db: Database,
  id: number,
  kind: AgencyMailKind,
  schema: ZodType<T>,
): Promise<(ReceivedMail<T> & { toAgencyId: number }) | undefined> {
  const [row] = await db
    .select()
    .from(agencyMail)
    .where(and(eq(agencyMail.id, id), eq(agencyMail.kind, kind)));
  const parsed = row && schema.safeParse(row.payload);
  if (!row || !parsed?.success) return undefined;
  return { id: row.id, fromAgencyId: row.fromAgencyId, toAgencyId: row.toAgencyId, createdAt: row.createdAt, payload: parsed.data };
}

/** The files a mail carries, in the order they were attached. */
export async function mailFiles(db: Database, mailId: number): Promise<{ fileName: string; bytes: Buffer }[]> {
  const rows = await db.select().from(agencyMailFiles).where(eq(agencyMailFiles.mailId, mailId)).orderBy(asc(agencyMailFiles.id));
  return rows.map((row) => ({ fileName: row.fileName, bytes: Buffer.from(row.contentBase64, "base64") }));
}

/**
 * What the addressee does with a mail of a kind, in the transaction that marks it received; and
 * from whom it takes that kind (a decision only from its province, a proposal only from an agency
 * under it…), whatever the policies let another agency write.
 */
export type MailHandler = {
  schema: ZodType<unknown>;
  from: readonly Relation[];
  /** `sender`: the agency that sent it, as this one is related to it. */
  receive(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext, sender: RelatedAgency): Promise<void>;
};

/**
 * Acts on the mail other agencies sent this one, each in its own transaction with its receipt, so a
 * mail is acted on once even with several instances (a locked one is skipped). A mail that does
 * not parse as its kind, or comes from an agency that does not send that kind, is set aside in the
 * audit log; one whose handling fails is left for the
 * next minute (and this minute goes on with the others), its error returned for the log.
 */
export async function receiveMail(
  db: Database,
  handlers: Record<AgencyMailKind, MailHandler>,
  context: ServiceContext,
): Promise<{ received: number; failed: { mailId: number; error: unknown }[] }> {
  let received = 0;
  const failed: { mailId: number; error: unknown }[] = [];
  // Read once a minute: the province's structure does not change between two mails.
  const related = await relatedAgencies(db);
  for (;;) {
    const skipped = failed.map((failure) => failure.mailId);
    const acted = await db.transaction(async (tx) => {
      const [mail] = await tx
        .select()
        .from(agencyMail)
        .where(
          and(
            sql`${agencyMail.toAgencyId} = ${CURRENT_AGENCY}`,
            isNull(agencyMail.receivedAt),
            skipped.length > 0 ? notInArray(agencyMail.id, skipped) : undefined,
          ),
        )
        .orderBy(asc(agencyMail.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!mail) return false;
      const handler = handlers[mail.kind];
      const parsed = handler.schema.safeParse(mail.payload);
      const sender = related.find((agency) => agency.id === mail.fromAgencyId);
      const expected = sender !== undefined && handler.from.includes(sender.relation);
      try {
        // A savepoint: a failing handler leaves nothing of its work, and the mail unreceived.
        await tx.transaction(async (work) => {
          if (parsed.success && sender && expected)
            await handler.receive(work, { id: mail.id, fromAgencyId: mail.fromAgencyId, createdAt: mail.createdAt, payload: parsed.data }, context, sender);
          else
            await recordAudit(work, {
              at: context.clock(),
              actor: context.actor,
              action: expected ? "mail.unreadable" : "mail.unexpected-sender",
              subject: `mail:${mail.id}`,
              details: {
                kind: mail.kind,
                from: sender?.code ?? mail.fromAgencyId,
                issues: parsed.success ? [] : parsed.error.issues.slice(0, 5).map((issue) => issue.message),
              },
            });
          await work.update(agencyMail).set({ receivedAt: context.clock() }).where(eq(agencyMail.id, mail.id));
        });
        received++;
      } catch (error) {
        failed.push({ mailId: mail.id, error });
      }
      return true;
    });
    if (!acted) return { received, failed };
  }
}
