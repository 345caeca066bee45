import { thresholdInWords } from "../../domain/ballots.js";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { awardDecisions, ballotCandidates, people, registrations, titleAwards } from "../../db/schema/index.js";
import { type LocalDay, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { decidedHere } from "../../domain/titles.js";
import { recordAudit } from "../audit.js";
import { ballotTally } from "./tally.js";
import { catalogueOn } from "../rules/catalogue.js";
import { enqueue } from "../outbox.js";
import { recordTransition } from "../registrations/submit.js";
import type { Registration } from "../registrations/types.js";
import type { ServiceContext } from "../context.js";

export type DecisionInput = { sessionId: number; number: string; decidedOn: LocalDay; signer: string };

/**
 * The agency head's decision on a closed ballot. A passing candidate for what the head may award
 * (LĐTT, CSTĐCS, TTLĐTT: Decree 152/2025 Art. 6(2)(c)) becomes a result in title_awards — the
 * record next year's rules read — with the titles it implies (a CSTĐCS is an LĐTT, Art. 23); one
 * for anything higher becomes a proposal upward, awaiting the higher decision (recordHigherDecision).
 * Each registration's history says what came of it, and every registrant is told once.
 */
export async function recordDecision(
  db: Database,
  input: DecisionInput,
  context: ServiceContext,
): Promise<
  | { kind: "recorded"; awarded: number; proposed: number; notAwarded: number; leadersAwarded: string[]; told: number }
  | { kind: "not-closed" }
  | { kind: "void" }
  | { kind: "future" }
  | { kind: "already-decided" }
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
    const decision = decisionText(input.number, input.decidedOn, input.signer);
    const catalogue = await catalogueOn(tx, input.decidedOn);
    const atProvince = await isProvince(tx);
    let awarded = 0;
    let proposed = 0;
    // The leadership's own titles, awarded by the agency's own decision: whoever signs may be the one awarded.
    const personIds = regs.flatMap((entry) => (entry.personId === null ? [] : [entry.personId]));
    const leaders = personIds.length
      ? await tx
          .select({ id: people.id, name: people.fullName })
          .from(people)
          .where(and(inArray(people.id, personIds), sql`'leader' = any(${people.roles})`))
      : [];
    const leadersAwarded: string[] = [];
    let told = 0;
    for (const candidate of candidates) {
      const registration = regs.find((entry) => entry.id === candidate.registrationId) as Registration | undefined;
      const result = tally.candidates.find((entry) => entry.position === candidate.position);
      if (!registration || !result) continue;
      const title = catalogue.titles.find((entry) => entry.code === registration.titleCode);
      const upward = result.passed && title !== undefined && !decidedHere(title, atProvince);
      if (result.passed && !upward) {
        awarded++;
        const leader = leaders.find((entry) => entry.id === registration.personId);
        if (leader) leadersAwarded.push(leader.name);
        await recordAwards(tx, registration, [registration.titleCode, ...(title?.alsoHolds ?? [])], {
          number: input.number,
          decidedOn: input.decidedOn,
          signer: input.signer,
        });
      }
      if (upward) proposed++;
      const vote = `${result.agree ?? 0}/${tally.membersTotal}, cần ${thresholdInWords(result.thresholdPercent)}`;
      const to = title?.awardedBy ?? "";
      await recordTransition(tx, {
        registration,
        from: registration.status,
        action: upward ? "proposed-up" : result.passed ? "awarded" : "not-awarded",
        at: now,
        actor: context.actor,
        reason: upward ? `${to} — ${vote}` : result.passed ? decision : vote,
      });
      const personId = registration.personId ?? registration.registeredByPersonId;
      const queued = await enqueue(tx, [
        {
          personId,
          dedupeKey: `award:${input.sessionId}:registration:${registration.id}`,
          kind: upward ? "award-proposed" : result.passed ? "award-granted" : "award-refused",
          notBefore: now,
          render: (locale) => ({
            parseMode: "HTML",
            text: context.translate(locale, upward ? "award-proposed" : result.passed ? "award-granted" : "award-not-granted", {
              label: escapeHtml(candidate.label),
              decision: escapeHtml(decision),
              to: escapeHtml(to),
              agree: result.agree ?? 0,
              members: tally.membersTotal,
              percent: result.thresholdPercent,
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
      action: "award.decision",
      subject: `ballot:${input.sessionId}`,
      details: { number: input.number, decidedOn: input.decidedOn, signer: input.signer, awarded, proposed, recordedOn: localDay(now, context.timeZone) },
    });
    return { kind: "recorded" as const, awarded, proposed, notAwarded: candidates.length - awarded - proposed, leadersAwarded, told };
  });
}

/** "12/QĐ-SNgV ngày 05/02/2026 (Phạm Thị Anh Thư)": a decision as results and histories cite it. */
export function decisionText(number: string, decidedOn: LocalDay, signer: string): string {
  const [year, month, day] = decidedOn.split("-");
  return `${number} ngày ${day}/${month}/${year} (${signer})`;
}

/** The results a decision makes of a registration: its title and those the title implies. */
export async function recordAwards(
  tx: Database,
  registration: Registration,
  titleCodes: string[],
  decision: { number: string; decidedOn: LocalDay; signer: string },
): Promise<void> {
  for (const titleCode of [...new Set(titleCodes)]) {
    await tx
      .insert(titleAwards)
      .values({
        subject: registration.subject,
        personId: registration.subject === "person" ? registration.personId : null,
        unitId: registration.subject === "unit" ? registration.unitId : null,
        year: registration.year,
        titleCode,
        decisionNumber: decision.number,
        decisionDate: decision.decidedOn,
        signer: decision.signer,
        registrationId: registration.id,
        source: "decision",
      })
      .onConflictDoNothing();
  }
}

/** Whether this agency is a province's Ban Thi đua - Khen thưởng: other agencies report to it. */
async function isProvince(db: Database): Promise<boolean> {
  const [row] = await queryRows<{ members: boolean }>(db, sql`select exists (select 1 from tdkt_related_agencies() where relation = 'member') as members`);
  return row?.members === true;
}
