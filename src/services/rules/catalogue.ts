import { and, asc, desc, eq, isNull, lte, or, gte } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { commendationForms, ratioCaps, ruleSets, titles } from "../../db/schema/index.js";
import { NATIONAL_RULE_SETS } from "../../domain/rule-sets.js";
import type { Catalogue } from "../../domain/titles.js";

/** Stores a rule set (catalogue of titles, forms and caps) unless one with its code exists. */
export async function installCatalogue(db: Database, catalogue: Catalogue): Promise<void> {
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(ruleSets)
      .values({
        code: catalogue.code,
        sourceDocument: catalogue.sourceDocument,
        validFrom: catalogue.validFrom,
        validTo: catalogue.validTo,
        councilQuorumPercent: catalogue.councilQuorumPercent,
      })
      .onConflictDoNothing()
      .returning({ id: ruleSets.id });
    if (!created) return;
    await tx.insert(titles).values(catalogue.titles.map((title, index) => ({ ...title, ruleSetId: created.id, sortOrder: index })));
    await tx.insert(commendationForms).values(catalogue.forms.map((form, index) => ({ ...form, ruleSetId: created.id, sortOrder: index })));
    if (catalogue.caps.length > 0) await tx.insert(ratioCaps).values(catalogue.caps.map((cap) => ({ ...cap, ruleSetId: created.id })));
  });
}

// Rule sets change a few times a year; a registration rush reads one thousands of times a minute.
const CACHE_MS = 60_000;
const cache = new WeakMap<Database, Map<string, { at: number; catalogue: Promise<Catalogue> }>>();
// The national rule sets are installed once per database and process (each is skipped if present).
const installed = new WeakMap<Database, Promise<void>>();

function installNationalRuleSets(db: Database): Promise<void> {
  let done = installed.get(db);
  if (!done) {
    done = (async () => {
      for (const ruleSet of NATIONAL_RULE_SETS) await installCatalogue(db, ruleSet);
    })();
    done.catch(() => installed.delete(db));
    installed.set(db, done);
  }
  return done;
}

/** The rule set in force on a day (the newest one that has started and not ended); cached for a minute. */
export function catalogueOn(db: Database, day: string): Promise<Catalogue> {
  let byDay = cache.get(db);
  if (!byDay) {
    byDay = new Map();
    cache.set(db, byDay);
  }
  const hit = byDay.get(day);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.catalogue;
  const catalogue = loadCatalogue(db, day);
  byDay.set(day, { at: Date.now(), catalogue });
  catalogue.catch(() => byDay.delete(day));
  return catalogue;
}

async function loadCatalogue(db: Database, day: string): Promise<Catalogue> {
  await installNationalRuleSets(db);
  let [ruleSet] = await db
    .select()
    .from(ruleSets)
    .where(and(lte(ruleSets.validFrom, day), or(isNull(ruleSets.validTo), gte(ruleSets.validTo, day))))
    .orderBy(desc(ruleSets.validFrom), desc(ruleSets.id))
    .limit(1);
  // A day before any rule set (a test's 2023): the oldest one applies.
  if (!ruleSet) [ruleSet] = await db.select().from(ruleSets).orderBy(asc(ruleSets.validFrom)).limit(1);
  if (!ruleSet) throw new Error("no rule set");
  const [titleRows, formRows, capRows] = await Promise.all([
    db.select().from(titles).where(eq(titles.ruleSetId, ruleSet.id)).orderBy(asc(titles.sortOrder)),
    db.select().from(commendationForms).where(eq(commendationForms.ruleSetId, ruleSet.id)).orderBy(asc(commendationForms.sortOrder)),
    db.select().from(ratioCaps).where(eq(ratioCaps.ruleSetId, ruleSet.id)),
  ]);
  return {
    code: ruleSet.code,
    sourceDocument: ruleSet.sourceDocument,
    validFrom: ruleSet.validFrom,
    validTo: ruleSet.validTo ?? null,
    councilQuorumPercent: ruleSet.councilQuorumPercent ?? null,
    titles: titleRows.map((row) => ({
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      subject: row.subject,
      awardedBy: row.awardedBy,
      level: row.level,
      bases: row.bases,
      alsoHolds: row.alsoHolds,
      collectiveCriteria: row.collectiveCriteria ?? null,
      agencyDecides: row.agencyDecides,
      prerequisite: row.prerequisite ?? null,
      registrable: row.registrable,
      councilThresholdPercent: row.councilThresholdPercent,
    })),
    forms: formRows.map((row) => ({ code: row.code, nameVi: row.nameVi, nameEn: row.nameEn, subject: row.subject })),
    caps: capRows.map((row) => ({ titleCode: row.titleCode, ofTitleCode: row.ofTitleCode, maxPercent: row.maxPercent, source: row.source })),
  };
}

/** A title's name by its code in a rule set, in a language (Vietnamese unless told); the code if unknown. */
export function titleName(catalogue: Pick<Catalogue, "titles">, code: string, locale = "vi"): string {
  const title = catalogue.titles.find((entry) => entry.code === code);
  return title ? localName(title, locale) : code;
}

/** A title's or form's name in the user's language. */
export function localName(entry: { nameVi: string; nameEn: string }, locale: string): string {
  return locale === "en" ? entry.nameEn : entry.nameVi;
}
