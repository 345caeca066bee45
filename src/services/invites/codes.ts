import { and, count, eq, gt, isNotNull, ne } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts, inviteFailures, invites, people } from "../../db/schema/index.js";
import type { Clock } from "../../domain/calendar.js";
import type { Role } from "../../domain/roles.js";
import { UserError } from "../../domain/user-error.js";
import { recordAudit } from "../audit.js";
import type { Platform } from "../accounts/chat-accounts.js";
import { hashInviteCode, INVITE_ALPHABET, INVITE_CODE_LENGTH, issueInvites } from "./issue.js";
import { PRIVACY_NOTICE_VERSION } from "../../domain/privacy.js";
import type { AuditContext } from "../context.js";

export const MAX_WRONG_CODES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

/** What a user typed, reduced to the code's canonical form, or undefined if it cannot be one. */
export function normalizeInviteCode(text: string): string | undefined {
  const code = text.replace(/[\s-]/g, "").toUpperCase();
  return code.length === INVITE_CODE_LENGTH && [...code].every((char) => INVITE_ALPHABET.includes(char)) ? code : undefined;
}

/**
 * The invite of one person: the code already handed out while it is still valid, else a new one;
 * `fresh` voids the old code first.
 */
export async function createInvite(
  db: Database,
  staffCode: string,
  context: AuditContext & { ttlDays?: number; fresh?: boolean },
): Promise<{ code: string; expiresAt: Date; reused: boolean; person: { id: number; fullName: string } }> {
  const { issued } = await issueInvites(db, { kind: "people", staffCodes: [staffCode] }, context);
  const [invite] = issued;
  if (!invite) throw new UserError("invite-unknown-staff", { code: staffCode });
  return { code: invite.code, expiresAt: invite.expiresAt, reused: invite.reused, person: { id: invite.personId, fullName: invite.fullName } };
}

export type RedeemResult =
  | { kind: "linked"; personId: number; fullName: string; roles: Role[] }
  | { kind: "consent-needed"; inviteId: number; fullName: string }
  | { kind: "already-linked"; fullName: string }
  | { kind: "wrong"; attemptsLeft: number }
  | { kind: "locked"; until: Date }
  | { kind: "expired"; expiredAt: Date }
  | { kind: "used" }
  | { kind: "replaced" }
  /** The channel carries no more people (the Zalo Bot Platform's 50): the person must use another. */
  | { kind: "channel-full"; cap: number };

type ChatInput = {
  platform: Platform;
  externalId: string;
  accountId: number;
  /** How many people the channel may carry, when it has a ceiling. */
  userCap?: number | undefined;
};

/**
 * Checks the code a chat sent. Wrong codes count against the chat; past the limit the chat is
 * refused for an hour whatever it sends. A good code links at once only for a person who already
 * agreed to the privacy notice; otherwise the chat is shown the notice, and only that chat can
 * then agree and link (acceptInvite).
 */
export async function redeemInvite(db: Database, input: ChatInput & { text: string }, clock: Clock): Promise<RedeemResult> {
  const now = clock();
  const chat = and(eq(inviteFailures.platform, input.platform), eq(inviteFailures.externalId, input.externalId));
  const recentFailures = await db
    .select({ at: inviteFailures.at })
    .from(inviteFailures)
    .where(and(chat, gt(inviteFailures.at, new Date(now.getTime() - HOUR_MS))))
    .orderBy(inviteFailures.at);
  if (recentFailures.length >= MAX_WRONG_CODES_PER_HOUR) {
    const lockingFailure = recentFailures[recentFailures.length - MAX_WRONG_CODES_PER_HOUR];
    return { kind: "locked", until: new Date((lockingFailure?.at ?? now).getTime() + HOUR_MS) };
  }

  const code = normalizeInviteCode(input.text);
  return db.transaction(async (tx) => {
    const [invite] = code
      ? await tx
          .select()
          .from(invites)
          .where(eq(invites.codeHash, hashInviteCode(code)))
          .for("update")
      : [];
    if (!invite) {
      await tx.insert(inviteFailures).values({ platform: input.platform, externalId: input.externalId, at: now });
      return { kind: "wrong", attemptsLeft: MAX_WRONG_CODES_PER_HOUR - recentFailures.length - 1 };
    }
    const [person] = await tx
      .select({ id: people.id, fullName: people.fullName, roles: people.roles, consentVersion: people.consentVersion })
      .from(people)
      .where(eq(people.id, invite.personId));
    if (!person) throw new Error(`invite ${invite.id} names a missing person`);
    const refused = refusalOf(invite, person.fullName, input.accountId, now) ?? (await channelFull(tx, input, person.id));
    if (refused) return refused;
    if (person.consentVersion !== PRIVACY_NOTICE_VERSION) {
      await tx.update(invites).set({ offeredToAccountId: input.accountId }).where(eq(invites.id, invite.id));
      return { kind: "consent-needed", inviteId: invite.id, fullName: person.fullName };
    }
    return link(tx, invite.id, { ...person, roles: person.roles as Role[] }, input, now);
  });
}

/**
 * The chat that was shown the privacy notice for this invite agreed: the agreement is recorded
 * (when, which notice) and the account linked. Any other chat, or a code no longer usable, is refused.
 */
export async function acceptInvite(db: Database, input: ChatInput & { inviteId: number }, clock: Clock): Promise<RedeemResult> {
  const now = clock();
  return db.transaction(async (tx) => {
    const [invite] = await tx.select().from(invites).where(eq(invites.id, input.inviteId)).for("update");
    if (!invite || invite.offeredToAccountId !== input.accountId) return { kind: "wrong", attemptsLeft: MAX_WRONG_CODES_PER_HOUR };
    const [person] = await tx.select({ id: people.id, fullName: people.fullName, roles: people.roles }).from(people).where(eq(people.id, invite.personId));
    if (!person) throw new Error(`invite ${invite.id} names a missing person`);
    const refused = refusalOf(invite, person.fullName, input.accountId, now) ?? (await channelFull(tx, input, person.id));
    if (refused) return refused;
    await tx.update(people).set({ consentedAt: now, consentVersion: PRIVACY_NOTICE_VERSION }).where(eq(people.id, person.id));
    await recordAudit(tx, {
      at: now,
      actor: { personId: person.id, label: `${input.platform}:${input.externalId}` },
      action: "privacy.consent",
      subject: `person:${person.id}`,
      details: { notice: PRIVACY_NOTICE_VERSION, platform: input.platform },
    });
    return link(tx, invite.id, { ...person, roles: person.roles as Role[] }, input, now);
  });
}

function refusalOf(invite: typeof invites.$inferSelect, fullName: string, accountId: number, now: Date): RedeemResult | undefined {
  if (invite.usedAt) return invite.usedByAccountId === accountId ? { kind: "already-linked", fullName } : { kind: "used" };
  if (invite.revokedAt) return { kind: "replaced" };
  if (invite.expiresAt.getTime() <= now.getTime()) return { kind: "expired", expiredAt: invite.expiresAt };
  return undefined;
}

/** Refuses a new person on a channel that carries its ceiling already (someone moving their link is not new). */
async function channelFull(tx: Database, input: ChatInput, personId: number): Promise<RedeemResult | undefined> {
  if (input.userCap === undefined) return undefined;
  const [row] = await tx
    .select({ linked: count() })
    .from(chatAccounts)
    .where(
      and(eq(chatAccounts.platform, input.platform), isNotNull(chatAccounts.linkedAt), isNotNull(chatAccounts.personId), ne(chatAccounts.personId, personId)),
    );
  return (row?.linked ?? 0) >= input.userCap ? { kind: "channel-full", cap: input.userCap } : undefined;
}

async function link(
  tx: Database,
  inviteId: number,
  person: { id: number; fullName: string; roles: Role[] },
  input: ChatInput,
  now: Date,
): Promise<RedeemResult> {
  await tx.update(invites).set({ usedAt: now, usedByAccountId: input.accountId }).where(eq(invites.id, inviteId));
  // One account per person and platform: a re-issued invite moves the link to the new account.
  await tx
    .update(chatAccounts)
    .set({ personId: null, linkedAt: null })
    .where(and(eq(chatAccounts.personId, person.id), eq(chatAccounts.platform, input.platform), ne(chatAccounts.id, input.accountId)));
  await tx.update(chatAccounts).set({ personId: person.id, linkedAt: now }).where(eq(chatAccounts.id, input.accountId));
  await recordAudit(tx, {
    at: now,
    actor: { personId: person.id, label: `${input.platform}:${input.externalId}` },
    action: "account.link",
    subject: `person:${person.id}`,
    details: { platform: input.platform, accountId: input.accountId },
  });
  return { kind: "linked", personId: person.id, fullName: person.fullName, roles: person.roles };
}
