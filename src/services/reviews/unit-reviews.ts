import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { registrations, unitReviewOutcomes, unitReviews } from "../../db/schema/index.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import { ballotTally } from "../ballots/tally.js";
import { closeBallot } from "../ballots/closing.js";
import type { BallotSeal } from "../ballots/seal.js";
import { createBallotSession, openBallot } from "../ballots/sessions.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { activeWithRole } from "../roster/people-by-role.js";
import { recordTransition } from "../registrations/submit.js";
import type { NoticeContext } from "../context.js";

type Context = NoticeContext;

export type ReviewItem = { registrationId: number; personId: number; name: string; titleCode: string; proposed: boolean | null; note: string | null };
export type UnitReview = {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  status: "open" | "sent";
  ballotSessionId: number | null;
  items: ReviewItem[];
};

/** The unit's review of a year with every approved individual registration and what the meeting decided so far. */
export async function unitReview(db: Database, unitId: number, year: number): Promise<UnitReview | undefined> {
  const [review] = await queryRows<{ id: number; unit_name: string; status: "open" | "sent"; ballot_session_id: number | null }>(
    db,
    sql`select v.id::int as id, u.name as unit_name, v.status, v.ballot_session_id::int as ballot_session_id
        from unit_reviews v join units u on u.id = v.unit_id where v.unit_id = ${unitId} and v.year = ${year}`,
  );
  if (!review) return undefined;
  const items = await queryRows<{
    registration_id: number;
    person_id: number;
    name: string;
    title_code: string;
    proposed: boolean | null;
    note: string | null;
  }>(
    db,
    sql`select r.id::int as registration_id, p.id::int as person_id, p.full_name as name, r.title_code, o.proposed, o.note
        from registrations r join people p on p.id = r.person_id
        left join unit_review_outcomes o on o.registration_id = r.id and o.review_id = ${review.id}
        where r.unit_id = ${unitId} and r.year = ${year} and r.subject = 'person' and r.status = 'approved'
        order by p.full_name, r.id`,
  );
  return {
    id: review.id,
    unitId,
    unitName: review.unit_name,
    year,
    status: review.status,
    ballotSessionId: review.ballot_session_id,
    items: items.map((item) => ({
      registrationId: item.registration_id,
      personId: item.person_id,
      name: item.name,
      titleCode: item.title_code,
      proposed: item.proposed,
      note: item.note,
    })),
  };
}

/** A review by its id, if it is of this unit (a button's id may be forged, or another unit's). */
export async function unitReviewOfUnit(db: Database, reviewId: number, unitId: number): Promise<UnitReview | undefined> {
  const [found] = await db
    .select({ year: unitReviews.year })
    .from(unitReviews)
    .where(and(eq(unitReviews.id, reviewId), eq(unitReviews.unitId, unitId)));
  return found && unitReview(db, unitId, found.year);
}

/** Opens the unit's review of a year (once; opening again finds the same one). */
export async function openUnitReview(db: Database, input: { unitId: number; year: number }, context: Omit<Context, "translate">): Promise<UnitReview> {
  const now = context.clock();
  const created = await db
    .insert(unitReviews)
    .values({ ...input, openedByPersonId: context.actor.personId, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: unitReviews.id });
  if (created[0]) await recordAudit(db, { at: now, actor: context.actor, action: "review.open", subject: `review:${created[0].id}`, details: input });
  return (await unitReview(db, input.unitId, input.year)) as UnitReview;
}

/** The meeting's outcome for one registration, while the review is open. */
export async function recordReviewOutcome(
  db: Database,
  review: UnitReview,
  input: { registrationId: number; proposed: boolean; note?: string | null },
  context: Omit<Context, "translate">,
): Promise<boolean> {
  if (review.status !== "open" || !review.items.some((item) => item.registrationId === input.registrationId)) return false;
  const now = context.clock();
  const values = { proposed: input.proposed, note: input.note ?? null, decidedAt: now };
  await db
    .insert(unitReviewOutcomes)
    .values({ reviewId: review.id, registrationId: input.registrationId, ...values })
    .onConflictDoUpdate({ target: [unitReviewOutcomes.reviewId, unitReviewOutcomes.registrationId], set: values });
  return true;
}

/** The unit members' secret vote on the review's registrations (more than half of the members proposes). */
export async function startUnitVote(db: Database, review: UnitReview, context: Context): Promise<number | undefined> {
  if (review.status !== "open" || review.ballotSessionId !== null || review.items.length === 0) return undefined;
  const session = await createBallotSession(db, { year: review.year, title: `Bình xét ${review.unitName} năm ${review.year}`, unitId: review.unitId }, context);
  await db.update(unitReviews).set({ ballotSessionId: session.id }).where(eq(unitReviews.id, review.id));
  await openBallot(db, session.id, context);
  return session.id;
}

/**
 * Closes the unit's vote and takes its result as the meeting's outcome for each registration; a
 * void vote (too few voted) records none, and the meeting decides them another way.
 */
export async function closeUnitVote(db: Database, seal: BallotSeal, review: UnitReview, context: Omit<Context, "translate">): Promise<number | undefined> {
  if (review.ballotSessionId === null) return undefined;
  await closeBallot(db, seal, review.ballotSessionId, context);
  const tally = await ballotTally(db, review.ballotSessionId);
  if (tally === "not-closed" || !tally.quorumMet) return tally === "not-closed" ? undefined : review.ballotSessionId;
  for (const candidate of tally.candidates) {
    const note = `${candidate.agree}/${tally.membersTotal} phiếu đồng ý`;
    await recordReviewOutcome(db, review, { registrationId: candidate.registrationId, proposed: candidate.passed, note }, context);
  }
  return review.ballotSessionId;
}

/**
 * Sends the unit's proposals up once every registration has an outcome: each registration's
 * history says proposed or not, those not proposed are told at which stage it ended, and the
 * secretariat is told the unit's review is in.
 */
export async function sendUnitReview(
  db: Database,
  review: UnitReview,
  context: Context,
): Promise<{ kind: "sent"; proposed: number; notProposed: number } | { kind: "undecided"; count: number } | { kind: "already-sent" }> {
  if (review.status === "sent") return { kind: "already-sent" };
  const undecided = review.items.filter((item) => item.proposed === null);
  if (undecided.length > 0) return { kind: "undecided", count: undecided.length };
  const now = context.clock();
  return db.transaction(async (tx) => {
    const sent = await tx
      .update(unitReviews)
      .set({ status: "sent", sentAt: now })
      .where(and(eq(unitReviews.id, review.id), eq(unitReviews.status, "open")))
      .returning({ id: unitReviews.id });
    if (sent.length === 0) return { kind: "already-sent" as const };
    const reviewed =
      review.items.length === 0
        ? []
        : await tx
            .select()
            .from(registrations)
            .where(
              inArray(
                registrations.id,
                review.items.map((item) => item.registrationId),
              ),
            );
    for (const item of review.items) {
      const registration = reviewed.find((entry) => entry.id === item.registrationId);
      if (!registration) continue;
      const action = item.proposed ? "proposed" : "not-proposed";
      // "Not proposed; note:" reads with its note, or a dash where the meeting gave none.
      const reason = item.proposed ? (item.note ?? undefined) : (item.note ?? "—");
      await recordTransition(tx, { registration, from: registration.status, action, at: now, actor: context.actor, reason });
      if (item.proposed) continue;
      await enqueue(tx, [
        {
          personId: item.personId,
          dedupeKey: `review:${review.id}:registration:${item.registrationId}`,
          kind: "review-not-proposed",
          notBefore: now,
          render: (locale: string) => ({
            parseMode: "HTML" as const,
            text: context.translate(locale, "review-not-proposed-to-person", {
              unit: escapeHtml(review.unitName),
              year: String(review.year),
              note: escapeHtml(item.note ?? "—"),
            }),
          }),
        },
      ]);
    }
    const proposed = review.items.filter((item) => item.proposed).length;
    const notProposed = review.items.length - proposed;
    const secretariat = await activeWithRole(tx, "secretariat");
    await enqueue(
      tx,
      noticeToEach(secretariat, {
        key: `review:${review.id}:sent`,
        kind: "review-sent",
        at: now,
        text: (locale) =>
          context.translate(locale, "review-sent-to-secretariat", { unit: escapeHtml(review.unitName), year: String(review.year), proposed, notProposed }),
      }),
    );
    await recordAudit(tx, { at: now, actor: context.actor, action: "review.send", subject: `review:${review.id}`, details: { proposed, notProposed } });
    return { kind: "sent" as const, proposed, notProposed };
  });
}
