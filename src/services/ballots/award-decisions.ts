import { thresholdInWords } from "../../domain/ballots.js";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { awardDecisions, ballotCandidates, registrations, titleAwards } from "../../db/schema/index.js";
import { type LocalDay, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import { ballotTally } from "./tally.js";
import { enqueue } from "../outbox.js";
import { recordTransition } from "../registrations/submit.js";
import type { Registration } from "../registrations/types.js";
import type { ServiceContext } from "../context.js";

export type DecisionInput = { sessionId: number; number: string; decidedOn: LocalDay; signer: string };

/**
 * The agency head's decision on a closed ballot: every passing candidate becomes a result in
 * title_awards (the record next year's rules read), each registration's history says what came
 * of it, and every registrant is told once — awarded with the decision, or not with the vote.
 */
export async function recordDecision(
  db: Database,
  input: DecisionInput,
  context: ServiceContext,
): Promise<
  { kind: "recorded"; awarded: number; notAwarded: number } | { kind: "not-closed" } | { kind: "void" } | { kind: "future" } | { kind: "already-decided" }
> {
  // A decision is recorded once signed: one dated after today has not been.
  if (input.decidedOn > localDay(context.clock(), context.timeZone)) return { kind: "future" };
  const tally = await ballotTally(db, input.sessionId);
  if (tally === "not-closed") return { kind: "not-closed" };
  // Too few voted: the session decided nothing, and its registrations wait for a valid one.
  if (!tally.quorumMet) return { kind: "void" };
  const now = context.clock();
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(awardDecisions)
      .values({ ...input, recordedByPersonId: context.actor.personId })
      .onConflictDoNothing()
      .returning({ id: awardDecisions.id });
    if (inserted.length === 0) return { kind: "already-decided" as const };
    const candidates = await tx.select().from(ballotCandidates).where(eq(ballotCandidates.sessionId, input.sessionId));
    const regs = candidates.length
      ? await tx
          .select()
          .from(registrations)
          .where(
            inArray(
              registrations.id,
              candidates.map((candidate) => candidate.registrationId),
            ),
          )
      : [];
    const [year, month, day] = input.decidedOn.split("-");
    const decision = `${input.number} ngày ${day}/${month}/${year} (${input.signer})`;
    let awarded = 0;
    for (const candidate of candidates) {
      const registration = regs.find((entry) => entry.id === candidate.registrationId) as Registration | undefined;
      const result = tally.candidates.find((entry) => entry.position === candidate.position);
      if (!registration || !result) continue;
      if (result.passed) {
        awarded++;
        await tx
          .insert(titleAwards)
          .values({
            subject: registration.subject,
            personId: registration.subject === "person" ? registration.personId : null,
            unitId: registration.subject === "unit" ? registration.unitId : null,
            year: registration.year,
            titleCode: registration.titleCode,
            decisionNumber: input.number,
            decisionDate: input.decidedOn,
            signer: input.signer,
            registrationId: registration.id,
            source: "decision",
          })
          .onConflictDoNothing();
      }
      const vote = `${result.agree ?? 0}/${tally.membersTotal}, cần ${thresholdInWords(result.thresholdPercent)}`;
      await recordTransition(tx, {
        registration,
        from: registration.status,
        action: result.passed ? "awarded" : "not-awarded",
        at: now,
        actor: context.actor,
        reason: result.passed ? decision : vote,
      });
      const personId = registration.personId ?? registration.registeredByPersonId;
      await enqueue(tx, [
        {
          personId,
          dedupeKey: `award:${input.sessionId}:registration:${registration.id}`,
          kind: result.passed ? "award-granted" : "award-refused",
          notBefore: now,
          render: (locale) => ({
            parseMode: "HTML",
            text: context.translate(locale, result.passed ? "award-granted" : "award-not-granted", {
              label: escapeHtml(candidate.label),
              decision: escapeHtml(decision),
              agree: result.agree ?? 0,
              members: tally.membersTotal,
              percent: result.thresholdPercent,
            }),
          }),
        },
      ]);
    }
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "award.decision",
      subject: `ballot:${input.sessionId}`,
      details: { number: input.number, decidedOn: input.decidedOn, signer: input.signer, awarded, recordedOn: localDay(now, context.timeZone) },
    });
    return { kind: "recorded" as const, awarded, notAwarded: candidates.length - awarded };
  });
}
