import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { registrationEvents, registrations, titleAwards } from "../../db/schema/index.js";
import { formatDate, localDay } from "../../domain/calendar.js";
import { type Basis, basisRefusal, type Refusal, type RegistrationStatus, refusalFor } from "../../domain/titles.js";
import { agencyRules } from "../rules/agency-rules.js";
import { citableInitiatives } from "../initiatives.js";
import { type Actor, recordAudit } from "../audit.js";
import { campaignOfYear, emulationYear, registrationWindow, type Window } from "../campaigns/campaigns.js";
import { catalogueOn, titleName } from "../rules/catalogue.js";
import { tellApprovers } from "./approver-notices.js";
import { liveCollective, liveIndividual } from "./live.js";
import type { Registrant, Registration } from "./types.js";
import type { ServiceContext } from "../context.js";

/** What /register offers a person this year: the window, and each title with why it is refused, if it is. */
export async function registrationChoices(db: Database, person: Registrant, now: Date, timeZone: string) {
  const year = await emulationYear(db, now, timeZone);
  const [catalogue, campaign, history, live, rules] = await Promise.all([
    catalogueOn(db, localDay(now, timeZone)),
    campaignOfYear(db, year),
    db
      .select({ year: titleAwards.year, titleCode: titleAwards.titleCode })
      .from(titleAwards)
      // The subject written, not bound: the person index is partial on it (see live.ts).
      .where(and(sql`${titleAwards.subject} = 'person'`, eq(titleAwards.personId, person.id))),
    liveRegistrations(db, year, "person", person.id),
    agencyRules(db),
  ]);
  const window = registrationWindow(campaign, now);
  const isUnitHead = person.roles.includes("head");
  const registeredThisYear = live.map((registration) => registration.titleCode);
  const name = (code: string) => titleName(catalogue, code);
  const titleChoices = catalogue.titles.map((title) => ({ title, refusal: refusalFor(title, { isUnitHead, history, year, registeredThisYear }, name) }));
  return { year, window, catalogue, titles: titleChoices, history, rules, live };
}

/** The live (not withdrawn) registrations of a person, or of a unit, for a year: one per title level at most. */
export async function liveRegistrations(db: Database, year: number, subject: "person" | "unit", id: number): Promise<Registration[]> {
  return db
    .select()
    .from(registrations)
    .where(subject === "person" ? liveIndividual(id, year, registrations) : liveCollective(id, year, registrations))
    .orderBy(registrations.createdAt);
}

export type SubmitInput = {
  subject: "person" | "unit";
  titleCode: string;
  formCode: string | null;
  /** What a CSTĐ cites; null for titles that ask for no basis. */
  basis: Basis | null;
  /** The initiative's or research project's name, where that is the basis. */
  initiativeTitle: string | null;
  /** A recognised initiative of the person's, chosen instead of typing a name. */
  initiativeId?: number | null;
};
export type SubmitResult = { kind: "submitted" | "changed" | "resubmitted" | "unchanged"; registration: Registration } | { kind: "refused"; refusal: Refusal };

/**
 * Registers a title, or changes this year's registration, after checking every rule again (the
 * conversation may have started before the deadline or before a history import). Safe to call
 * twice with the same input: the second call changes nothing.
 */
export async function submitRegistration(db: Database, person: Registrant, input: SubmitInput, context: ServiceContext): Promise<SubmitResult> {
  const now = context.clock();
  const choices = await registrationChoices(db, person, now, context.timeZone);
  const refused = refusalOf(choices.window, context.timeZone);
  if (refused) return { kind: "refused", refusal: refused };
  const choice = choices.titles.find((entry) => entry.title.code === input.titleCode);
  if (!choice || choice.title.subject !== input.subject) return { kind: "refused", refusal: { key: "register-refused-unknown-title", args: {} } };
  if (choice.refusal) return { kind: "refused", refusal: choice.refusal };
  const basis = choice.title.bases.length > 0 ? input.basis : null;
  // A recognised initiative is cited by its record, and only one of the person's whose scope serves the title.
  const cited =
    basis === "initiative" && input.initiativeId
      ? (await citableInitiatives(db, person.id, choice.title.level)).find((entry) => entry.id === input.initiativeId)
      : undefined;
  const initiative = cited?.title ?? (basis === "initiative" || basis === "research" ? input.initiativeTitle?.trim() || null : null);
  const basisRefused = basisRefusal(choice.title, basis, initiative, choices.rules, choice.title.nameVi);
  if (basisRefused) return { kind: "refused", refusal: basisRefused };
  if (input.formCode && !choices.catalogue.forms.some((form) => form.code === input.formCode)) {
    return { kind: "refused", refusal: { key: "register-refused-unknown-title", args: {} } };
  }
  const campaign = choices.window.kind === "open" ? choices.window.campaign : undefined;
  if (!campaign) return { kind: "refused", refusal: { key: "register-refused-not-launched", args: {} } };
  const values = {
    titleCode: input.titleCode,
    formCode: input.formCode,
    basis,
    initiativeTitle: initiative,
    initiativeId: cited?.id ?? null,
    level: choice.title.level,
  };

  return db.transaction(async (tx) => {
    const subjectId = input.subject === "person" ? person.id : person.unitId;
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(
        // A person has one live registration per level (CSTĐCS and CSTĐ bộ/tỉnh may coexist); a unit one in all.
        input.subject === "person"
          ? and(liveIndividual(subjectId, choices.year, registrations), eq(registrations.level, values.level))
          : liveCollective(subjectId, choices.year, registrations),
      )
      .for("update");
    if (existing) {
      const same =
        existing.titleCode === values.titleCode &&
        existing.formCode === values.formCode &&
        existing.basis === values.basis &&
        existing.initiativeTitle === values.initiativeTitle &&
        existing.initiativeId === values.initiativeId;
      if (same && existing.status === "submitted") return { kind: "unchanged" as const, registration: existing };
      const action = existing.status === "returned" ? "resubmitted" : "changed";
      const [updated] = await tx
        .update(registrations)
        .set({ ...values, status: "submitted", returnReason: null, updatedAt: now })
        .where(eq(registrations.id, existing.id))
        .returning();
      await recordTransition(tx, { registration: updated as Registration, from: existing.status, action, at: now, actor: context.actor, details: values });
      await tellApprovers(tx, updated as Registration, action, { now, translate: context.translate, timeZone: context.timeZone });
      return { kind: action, registration: updated as Registration };
    }
    const [inserted] = await tx
      .insert(registrations)
      .values({
        year: choices.year,
        campaignId: campaign.id,
        subject: input.subject,
        personId: input.subject === "person" ? person.id : null,
        unitId: person.unitId,
        ...values,
        status: "submitted",
        registeredByPersonId: person.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordTransition(tx, { registration: inserted as Registration, from: null, action: "submitted", at: now, actor: context.actor, details: values });
    await tellApprovers(tx, inserted as Registration, "submitted", { now, translate: context.translate, timeZone: context.timeZone });
    return { kind: "submitted" as const, registration: inserted as Registration };
  });
}

/** Why the window refuses, if it does. */
export function refusalOf(window: Window, timeZone: string): Refusal | null {
  if (window.kind === "not-launched") return { key: "register-refused-not-launched", args: {} };
  if (window.kind === "closed") return { key: "register-refused-closed", args: { date: formatDate(window.campaign.deadlineAt, timeZone) } };
  return null;
}

export async function recordTransition(
  tx: Database,
  entry: {
    registration: Registration;
    from: RegistrationStatus | null;
    action: string;
    at: Date;
    actor: Actor;
    reason?: string;
    details?: Record<string, unknown>;
  },
) {
  await tx.insert(registrationEvents).values({
    registrationId: entry.registration.id,
    at: entry.at,
    actorPersonId: entry.actor.personId,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.registration.status,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
  await recordAudit(tx, {
    at: entry.at,
    actor: entry.actor,
    action: `registration.${entry.action}`,
    subject: `registration:${entry.registration.id}`,
    details: { from: entry.from, to: entry.registration.status, ...(entry.reason ? { reason: entry.reason } : {}) },
  });
}

/** One registration, by its id. */
export async function registrationById(db: Database, id: number): Promise<Registration | undefined> {
  const [found] = await db.select().from(registrations).where(eq(registrations.id, id));
  return found;
}
