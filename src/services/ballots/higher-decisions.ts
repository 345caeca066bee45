import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { ballotCandidates, registrations } from "../../db/schema/index.js";
import { type LocalDay, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { enqueue } from "../outbox.js";
import { recordTransition } from "../registrations/submit.js";
import type { Registration } from "../registrations/types.js";
import { catalogueOn } from "../rules/catalogue.js";
import { decisionText, recordAwards } from "./award-decisions.js";

export type HigherDecisionInput = {
  sessionId: number;
  number: string;
  decidedOn: LocalDay;
  /** Who decided: «Chủ tịch UBND tỉnh», «Bộ trưởng Bộ Nội vụ»… */
  authority: string;
  /** The candidates the decision names, by their place in the session; none given: all proposed. */
  positions: number[] | undefined;
  /** The registrations the decision is on (a province's, answering part of what was sent); none given: all proposed. */
  covering?: number[];
};

/**
 * The higher level's decision on what the agency proposed: the candidates it names become results
 * (with what their titles imply); those proposed and not named are recorded as not awarded by it.
 * Each is told once. Only what this session proposed upward, and has no higher decision yet, moves.
 */
export async function recordHigherDecision(
  db: Database,
  input: HigherDecisionInput,
  context: ServiceContext,
): Promise<{ kind: "recorded"; awarded: number; notAwarded: number; told: number } | { kind: "future" } | { kind: "none-proposed" }> {
  if (input.decidedOn > localDay(context.clock(), context.timeZone)) return { kind: "future" };
  const now = context.clock();
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ position: ballotCandidates.position, label: ballotCandidates.label, registration: registrations })
      .from(ballotCandidates)
      .innerJoin(registrations, eq(registrations.id, ballotCandidates.registrationId))
      .where(
        and(
          eq(ballotCandidates.sessionId, input.sessionId),
          inArray(
            registrations.id,
            sql`(select e.registration_id from registration_events e where e.action = 'proposed-up'
                   and not exists (select 1 from registration_events later where later.registration_id = e.registration_id
                                     and later.action in ('awarded-higher', 'not-awarded-higher')))`,
          ),
          input.covering === undefined ? undefined : inArray(registrations.id, input.covering.length > 0 ? input.covering : [0]),
        ),
      );
    if (candidates.length === 0) return { kind: "none-proposed" as const };
    const catalogue = await catalogueOn(tx, input.decidedOn);
    const decision = decisionText(input.number, input.decidedOn, input.authority);
    let awarded = 0;
    let told = 0;
    for (const { position, label, registration } of candidates) {
      const granted = input.positions === undefined || input.positions.includes(position);
      if (granted) {
        awarded++;
        const implied = catalogue.titles.find((title) => title.code === registration.titleCode)?.alsoHolds ?? [];
        await recordAwards(tx, registration as Registration, [registration.titleCode, ...implied], {
          number: input.number,
          decidedOn: input.decidedOn,
          signer: input.authority,
        });
      }
      await recordTransition(tx, {
        registration: registration as Registration,
        from: registration.status,
        action: granted ? "awarded-higher" : "not-awarded-higher",
        at: now,
        actor: context.actor,
        reason: decision,
      });
      const queued = await enqueue(tx, [
        {
          personId: registration.personId ?? registration.registeredByPersonId,
          dedupeKey: `award-higher:${input.sessionId}:registration:${registration.id}`,
          kind: granted ? "award-granted" : "award-refused",
          notBefore: now,
          render: (locale) => ({
            parseMode: "HTML",
            text: context.translate(locale, granted ? "award-granted" : "award-not-granted-higher", {
              label: escapeHtml(label),
              decision: escapeHtml(decision),
            }),
          }),
        },
      ]);
      // Told only where the person has a chat the notice was queued to.
      if (queued.length > 0) told++;
    }
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "award.higher-decision",
      subject: `ballot:${input.sessionId}`,
      details: { number: input.number, decidedOn: input.decidedOn, authority: input.authority, awarded, notAwarded: candidates.length - awarded },
    });
    return { kind: "recorded" as const, awarded, notAwarded: candidates.length - awarded, told };
  });
}
