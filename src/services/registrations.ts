import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { people, registrationEvents, registrations, titleHistory } from "../db/schema/index.js";
import type { RegistrationStatus } from "../domain/titles.js";
import { type Clock, formatDate, localDay } from "../domain/calendar.js";
import { escapeHtml } from "../domain/text.js";
import { type Catalogue, type Refusal, refusalFor, type Title } from "../domain/titles.js";
import { type Actor, recordAudit } from "./audit.js";
import type { PersonProfile } from "./accounts.js";
import { campaignOfYear, registrationWindow, type Window } from "./campaigns.js";
import { catalogueOn, localName } from "./catalogue.js";
import { enqueue, type Notification, type Translate } from "./outbox.js";
import { ACTIONS } from "../domain/button-actions.js";

export type Registration = typeof registrations.$inferSelect;
export type RegistrationEvent = typeof registrationEvents.$inferSelect;

export type Registrant = Pick<PersonProfile, "id" | "unitId" | "unitName" | "roles" | "fullName">;

/** What /register offers a person this year: the window, and each title with why it is refused, if it is. */
export async function registrationChoices(db: Database, person: Registrant, now: Date, timeZone: string) {
  const year = Number(localDay(now, timeZone).slice(0, 4));
  const [catalogue, campaign, history] = await Promise.all([
    catalogueOn(db, localDay(now, timeZone)),
    campaignOfYear(db, year),
    db.select({ year: titleHistory.year, titleCode: titleHistory.titleCode }).from(titleHistory).where(eq(titleHistory.personId, person.id)),
  ]);
  const window = registrationWindow(campaign, now);
  const isUnitHead = person.roles.includes("head");
  const name = (code: string) => catalogue.titles.find((title) => title.code === code)?.nameVi ?? code;
  const titleChoices = catalogue.titles.map((title) => ({ title, refusal: refusalFor(title, { isUnitHead, history, year }, name) }));
  return { year, window, catalogue, titles: titleChoices, history };
}

/** The live (not withdrawn) registration of a person, or of a unit, for a year. */
export async function liveRegistration(db: Database, year: number, subject: "person" | "unit", id: number): Promise<Registration | undefined> {
  const [found] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.year, year),
        eq(registrations.subject, subject),
        subject === "person" ? eq(registrations.personId, id) : eq(registrations.unitId, id),
        ne(registrations.status, "withdrawn"),
      ),
    );
  return found;
}

export type SubmitInput = { subject: "person" | "unit"; titleCode: string; formCode: string | null; initiativeTitle: string | null };
export type SubmitResult = { kind: "submitted" | "changed" | "resubmitted" | "unchanged"; registration: Registration } | { kind: "refused"; refusal: Refusal };

/**
 * Registers a title, or changes this year's registration, after checking every rule again (the
 * conversation may have started before the deadline or before a history import). Safe to call
 * twice with the same input: the second call changes nothing.
 */
export async function submitRegistration(
  db: Database,
  person: Registrant,
  input: SubmitInput,
  context: { clock: Clock; actor: Actor; timeZone: string },
): Promise<SubmitResult> {
  const now = context.clock();
  const choices = await registrationChoices(db, person, now, context.timeZone);
  const refused = refusalOf(choices.window, context.timeZone);
  if (refused) return { kind: "refused", refusal: refused };
  const choice = choices.titles.find((entry) => entry.title.code === input.titleCode);
  if (!choice || choice.title.subject !== input.subject) return { kind: "refused", refusal: { key: "register-refused-unknown-title", args: {} } };
  if (choice.refusal) return { kind: "refused", refusal: choice.refusal };
  const initiative = input.initiativeTitle?.trim() || null;
  if (choice.title.requiresInitiative && !initiative) {
    return { kind: "refused", refusal: { key: "register-refused-initiative", args: { title: choice.title.nameVi } } };
  }
  if (input.formCode && !choices.catalogue.forms.some((form) => form.code === input.formCode)) {
    return { kind: "refused", refusal: { key: "register-refused-unknown-title", args: {} } };
  }
  const campaign = choices.window.kind === "open" ? choices.window.campaign : undefined;
  if (!campaign) return { kind: "refused", refusal: { key: "register-refused-not-launched", args: {} } };
  const values = {
    titleCode: input.titleCode,
    formCode: input.formCode,
    initiativeTitle: choice.title.requiresInitiative ? initiative : null,
  };

  return db.transaction(async (tx) => {
    const subjectId = input.subject === "person" ? person.id : person.unitId;
    const [existing] = await tx
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.year, choices.year),
          eq(registrations.subject, input.subject),
          input.subject === "person" ? eq(registrations.personId, subjectId) : eq(registrations.unitId, subjectId),
          ne(registrations.status, "withdrawn"),
        ),
      )
      .for("update");
    if (existing) {
      const same = existing.titleCode === values.titleCode && existing.formCode === values.formCode && existing.initiativeTitle === values.initiativeTitle;
      if (same && existing.status === "submitted") return { kind: "unchanged" as const, registration: existing };
      const action = existing.status === "returned" ? "resubmitted" : "changed";
      const [updated] = await tx
        .update(registrations)
        .set({ ...values, status: "submitted", returnReason: null, updatedAt: now })
        .where(eq(registrations.id, existing.id))
        .returning();
      await recordTransition(tx, { registration: updated as Registration, from: existing.status, action, at: now, actor: context.actor, details: values });
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
    return { kind: "submitted" as const, registration: inserted as Registration };
  });
}

/** Why the window refuses, if it does. */
export function refusalOf(window: Window, timeZone: string): Refusal | null {
  if (window.kind === "not-launched") return { key: "register-refused-not-launched", args: {} };
  if (window.kind === "closed") return { key: "register-refused-closed", args: { date: formatDate(window.campaign.deadlineAt, timeZone) } };
  return null;
}

async function recordTransition(
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

/** A person's registrations of a year (their own and, for a head, their unit's) with each one's history. */
export async function registrationsOf(db: Database, person: Registrant, year: number) {
  const own = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.year, year),
        sql`(${registrations.personId} = ${person.id} or (${registrations.subject} = 'unit' and ${registrations.unitId} = ${person.unitId} and ${person.roles.includes("head")}))`,
      ),
    )
    .orderBy(asc(registrations.createdAt));
  const events = own.length
    ? await db
        .select()
        .from(registrationEvents)
        .where(
          inArray(
            registrationEvents.registrationId,
            own.map((r) => r.id),
          ),
        )
        .orderBy(asc(registrationEvents.at), asc(registrationEvents.id))
    : [];
  return own.map((registration) => ({ registration, events: events.filter((event) => event.registrationId === registration.id) }));
}

/** Withdraws one's own registration before the deadline. */
export async function withdrawRegistration(
  db: Database,
  person: Registrant,
  registrationId: number,
  context: { clock: Clock; actor: Actor; timeZone: string },
): Promise<{ kind: "withdrawn"; registration: Registration } | { kind: "refused"; refusal: Refusal }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    const mine =
      registration &&
      (registration.personId === person.id || (registration.subject === "unit" && registration.unitId === person.unitId && person.roles.includes("head")));
    if (!registration || !mine || registration.status === "withdrawn") return { kind: "refused" as const, refusal: { key: "register-not-yours", args: {} } };
    const refused = refusalOf(registrationWindow(await campaignOfYear(tx, registration.year), now), context.timeZone);
    if (refused) return { kind: "refused" as const, refusal: refused };
    const [updated] = await tx.update(registrations).set({ status: "withdrawn", updatedAt: now }).where(eq(registrations.id, registrationId)).returning();
    await recordTransition(tx, { registration: updated as Registration, from: registration.status, action: "withdrawn", at: now, actor: context.actor });
    return { kind: "withdrawn" as const, registration: updated as Registration };
  });
}

export type PendingRegistration = Registration & { personName: string | null; position: string | null };

/** Registrations of a unit waiting for its head's decision. */
export async function pendingOfUnit(db: Database, unitId: number, year: number): Promise<PendingRegistration[]> {
  const rows = await db
    .select({ registration: registrations, personName: people.fullName, position: people.position })
    .from(registrations)
    .leftJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.unitId, unitId), eq(registrations.year, year), eq(registrations.status, "submitted")))
    .orderBy(asc(registrations.createdAt));
  return rows.map((row) => ({ ...row.registration, personName: row.personName, position: row.position }));
}

/**
 * The head approves a registration of their unit, or returns it with a reason; the employee is
 * told through the outbox in the same transaction.
 */
export async function decideRegistration(
  db: Database,
  head: Registrant,
  input: { registrationId: number; decision: "approve" | "return"; reason?: string },
  context: { clock: Clock; actor: Actor; translate: Translate; timeZone: string },
): Promise<{ kind: "approved" | "returned"; registration: Registration } | { kind: "refused"; refusal: Refusal }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, input.registrationId)).for("update");
    if (!registration || registration.unitId !== head.unitId || !head.roles.includes("head")) {
      return { kind: "refused" as const, refusal: { key: "approve-not-your-unit", args: {} } };
    }
    if (registration.status !== "submitted") return { kind: "refused" as const, refusal: { key: "approve-not-pending", args: {} } };
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

export type UnitReport = {
  unitId: number;
  unitName: string;
  staff: number;
  registered: number;
  approved: number;
  pending: number;
  returned: number;
  notRegistered: number;
  byTitle: Map<string, number>;
};

/** Per unit: staff, registered, approved, pending, not registered, and counts per title. */
export async function registrationReport(db: Database, year: number): Promise<UnitReport[]> {
  const staff = await queryRows<{ unit_id: number; unit_name: string; staff: number; registered: number }>(
    db,
    sql`select u.id::int as unit_id, u.name as unit_name, count(p.id)::int as staff,
               count(r.id)::int as registered
        from units u
        join people p on p.unit_id = u.id and p.active
        left join registrations r on r.person_id = p.id and r.year = ${year} and r.subject = 'person' and r.status <> 'withdrawn'
        group by u.id, u.name order by u.name`,
  );
  const statuses = await queryRows<{ unit_id: number; status: string; title_code: string; count: number }>(
    db,
    sql`select unit_id::int as unit_id, status, title_code, count(*)::int as count from registrations
        where year = ${year} and status <> 'withdrawn' group by unit_id, status, title_code`,
  );
  return staff.map((unit) => {
    const mine = statuses.filter((row) => row.unit_id === unit.unit_id);
    const sum = (status: string) => mine.filter((row) => row.status === status).reduce((total, row) => total + row.count, 0);
    const byTitle = new Map<string, number>();
    for (const row of mine) byTitle.set(row.title_code, (byTitle.get(row.title_code) ?? 0) + row.count);
    return {
      unitId: unit.unit_id,
      unitName: unit.unit_name,
      staff: unit.staff,
      registered: unit.registered,
      approved: sum("approved"),
      pending: sum("submitted"),
      returned: sum("returned"),
      notRegistered: unit.staff - unit.registered,
      byTitle,
    };
  });
}

/** Active people with no live individual registration this year. */
export async function unregisteredPeople(db: Database, year: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id::int as id from people p
        where p.active and not exists (
          select 1 from registrations r where r.person_id = p.id and r.year = ${year} and r.subject = 'person' and r.status <> 'withdrawn')`,
  );
  return rows.map((row) => row.id);
}

/** Reminds everyone not registered yet; at most once per person per day however often it is pressed. */
export async function remindUnregistered(db: Database, context: { now: Date; year: number; translate: Translate; timeZone: string; notBefore: Date }) {
  const campaign = await campaignOfYear(db, context.year);
  if (!campaign) return [];
  const personIds = await unregisteredPeople(db, context.year);
  const today = localDay(context.now, context.timeZone);
  return enqueue(
    db,
    personIds.map((personId) =>
      registrationReminder({
        personId,
        dedupeKey: `register-reminder:${context.year}:${today}:person:${personId}`,
        notBefore: context.notBefore,
        campaign: { title: campaign.title, deadline: formatDate(campaign.deadlineAt, context.timeZone) },
        translate: context.translate,
      }),
    ),
  );
}

/** "You have not registered yet", with a button that starts /register. */
export function registrationReminder(input: {
  personId: number;
  dedupeKey: string;
  notBefore: Date;
  campaign: { title: string; deadline: string };
  translate: Translate;
}): Notification {
  return {
    personId: input.personId,
    dedupeKey: input.dedupeKey,
    kind: "registration-reminder",
    notBefore: input.notBefore,
    render: (locale) => ({
      parseMode: "HTML",
      text: input.translate(locale, "registration-reminder", { deadline: input.campaign.deadline, campaign: escapeHtml(input.campaign.title) }),
      buttons: [[{ text: input.translate(locale, "registration-reminder-button"), data: ACTIONS.registrationStart.encode() }]],
    }),
  };
}

/** Past years' titles, for the consecutive-year rules (`import history`). */
export async function importTitleHistory(
  db: Database,
  rows: { line: number; staffCode: string; year: number; titleCode: string }[],
  context: { clock: Clock; actor: Actor; catalogue: Catalogue },
): Promise<{ imported: number; rejected: { line: number; key: string; args: Record<string, string> }[] }> {
  const codes = new Set(context.catalogue.titles.map((title: Title) => title.code));
  const rejected: { line: number; key: string; args: Record<string, string> }[] = [];
  const staffCodes = [...new Set(rows.map((row) => row.staffCode))];
  const found = staffCodes.length
    ? await db.select({ id: people.id, staffCode: people.staffCode }).from(people).where(inArray(people.staffCode, staffCodes))
    : [];
  const idOf = new Map(found.map((person) => [person.staffCode, person.id]));
  const valid: { personId: number; year: number; titleCode: string }[] = [];
  for (const row of rows) {
    const personId = idOf.get(row.staffCode);
    if (personId === undefined) rejected.push({ line: row.line, key: "history-unknown-staff", args: { code: row.staffCode } });
    else if (!codes.has(row.titleCode)) rejected.push({ line: row.line, key: "history-unknown-title", args: { code: row.titleCode } });
    else valid.push({ personId, year: row.year, titleCode: row.titleCode });
  }
  await db.transaction(async (tx) => {
    if (valid.length > 0) await tx.insert(titleHistory).values(valid).onConflictDoNothing();
    await recordAudit(tx, {
      at: context.clock(),
      actor: context.actor,
      action: "history.import",
      subject: "title_history",
      details: { imported: valid.length, rejected: rejected.length },
    });
  });
  return { imported: valid.length, rejected };
}
