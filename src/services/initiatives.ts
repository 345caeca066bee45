import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { initiatives, registrations } from "../db/schema/index.js";
import { INITIATIVE_SCOPES, scopeServes } from "../domain/initiatives.js";
import { escapeHtml, foldForMatching } from "../domain/text.js";
import type { TitleLevel } from "../domain/titles.js";
import { recordAudit } from "./audit.js";
import { enqueue, noticeToEach } from "./outbox.js";
import { activeWithRole } from "./roster/people-by-role.js";
import type { NoticeContext } from "./context.js";

type Context = NoticeContext;
export type Initiative = typeof initiatives.$inferSelect;

/** An employee declares an initiative (sáng kiến); the initiative council is told it waits for review. */
export async function declareInitiative(
  db: Database,
  input: { personId: number; unitId: number; year: number; title: string; summary: string },
  context: Context,
): Promise<number> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(initiatives)
      .values({ ...input, createdAt: now })
      .returning({ id: initiatives.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, { at: now, actor: context.actor, action: "initiative.declare", subject: `initiative:${id}`, details: { title: input.title } });
    const reviewers = await activeWithRole(tx, "initiative_council");
    await enqueue(
      tx,
      noticeToEach(reviewers, {
        key: `initiative:${id}:declared`,
        kind: "initiative-declared",
        at: now,
        text: (locale) => context.translate(locale, "initiative-to-council", { id, title: escapeHtml(input.title) }),
      }),
    );
    return id;
  });
}

/** The initiative's file, sent by its author while it waits for review (sending again replaces it). */
export async function attachInitiativeFile(db: Database, input: { id: number; personId: number; fileName: string; bytes: Buffer }): Promise<boolean> {
  const updated = await db
    .update(initiatives)
    .set({ fileName: input.fileName, fileBase64: input.bytes.toString("base64") })
    .where(and(eq(initiatives.id, input.id), eq(initiatives.personId, input.personId), eq(initiatives.status, "submitted")))
    .returning({ id: initiatives.id });
  return updated.length > 0;
}

export async function initiativeById(db: Database, id: number): Promise<Initiative | undefined> {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  return row;
}

export async function initiativesOf(db: Database, personId: number): Promise<Initiative[]> {
  return db.select().from(initiatives).where(eq(initiatives.personId, personId)).orderBy(desc(initiatives.id));
}

/** What waits for the initiative council, with each author's name and unit. */
export async function initiativesToReview(db: Database) {
  return queryRows<{ id: number; title: string; summary: string; year: number; author: string; unit: string; has_file: boolean }>(
    db,
    sql`select i.id::int as id, i.title, i.summary, i.year, p.full_name as author, u.name as unit, i.file_base64 is not null as has_file
        from initiatives i join people p on p.id = i.person_id join units u on u.id = i.unit_id
        where i.status = 'submitted' order by i.id`,
  );
}

export type ReviewInput = { id: number } & ({ outcome: "recognised"; scope: TitleLevel; score: number } | { outcome: "returned"; reason: string });

/**
 * The initiative council's word: recognised at a scope with a score, or returned with a reason.
 * A recognised initiative becomes the basis of the author's registrations (of its year or the one
 * before) that cite it by name and whose title its scope serves; the author is told either way.
 */
export async function reviewInitiative(db: Database, input: ReviewInput, context: Context): Promise<Initiative | "not-waiting"> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [reviewed] = await tx
      .update(initiatives)
      .set({
        status: input.outcome,
        scope: input.outcome === "recognised" ? input.scope : null,
        score: input.outcome === "recognised" ? input.score : null,
        reason: input.outcome === "returned" ? input.reason : null,
        reviewedByPersonId: context.actor.personId,
        reviewedAt: now,
      })
      .where(and(eq(initiatives.id, input.id), eq(initiatives.status, "submitted")))
      .returning();
    if (!reviewed) return "not-waiting";
    await recordAudit(tx, { at: now, actor: context.actor, action: `initiative.${input.outcome}`, subject: `initiative:${input.id}`, details: input });
    if (reviewed.scope) await citeInRegistrations(tx, reviewed, reviewed.scope);
    await enqueue(tx, [
      {
        personId: reviewed.personId,
        dedupeKey: `initiative:${reviewed.id}:${input.outcome}`,
        kind: "initiative-reviewed",
        notBefore: now,
        render: (locale: string) => ({
          parseMode: "HTML" as const,
          text: context.translate(locale, `initiative-${input.outcome}-to-author`, {
            title: escapeHtml(reviewed.title),
            scope: context.translate(locale, `initiative-scope-${reviewed.scope ?? "co-so"}`),
            score: reviewed.score ?? 0,
            reason: escapeHtml(reviewed.reason ?? ""),
          }),
        }),
      },
    ]);
    return reviewed;
  });
}

async function citeInRegistrations(tx: Database, initiative: Initiative, scope: TitleLevel): Promise<void> {
  const citing = await tx
    .select({ id: registrations.id, level: registrations.level, initiativeTitle: registrations.initiativeTitle })
    .from(registrations)
    .where(
      and(
        eq(registrations.personId, initiative.personId),
        // Declared in Q1 of Y+1, an initiative still serves the review of Y, which ends then.
        inArray(registrations.year, [initiative.year, initiative.year - 1]),
        eq(registrations.basis, "initiative"),
        isNull(registrations.initiativeId),
        sql`${registrations.status} <> 'withdrawn'`,
      ),
    );
  const name = foldForMatching(initiative.title);
  for (const registration of citing) {
    if (foldForMatching(registration.initiativeTitle ?? "") !== name || !scopeServes(scope, registration.level)) continue;
    await tx.update(registrations).set({ initiativeId: initiative.id }).where(eq(registrations.id, registration.id));
  }
}

/** The person's recognised initiatives, each with the title levels its scope serves. */
export async function recognisedInitiatives(db: Database, personId: number): Promise<{ id: number; title: string; levels: TitleLevel[] }[]> {
  const rows = await db
    .select({ id: initiatives.id, title: initiatives.title, scope: initiatives.scope })
    .from(initiatives)
    .where(and(eq(initiatives.personId, personId), eq(initiatives.status, "recognised")))
    .orderBy(desc(initiatives.id));
  return rows.map(({ id, title, scope }) => ({ id, title, levels: INITIATIVE_SCOPES.filter((level) => scope !== null && scopeServes(scope, level)) }));
}

/** The person's recognised initiatives a registration of `level` can cite. */
export async function citableInitiatives(db: Database, personId: number, level: TitleLevel): Promise<{ id: number; title: string }[]> {
  return (await recognisedInitiatives(db, personId)).filter((entry) => entry.levels.includes(level)).map(({ id, title }) => ({ id, title }));
}
