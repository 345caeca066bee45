import { createHash, createHmac, randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { invites, people, units } from "../../db/schema/index.js";
import { addDays } from "../../domain/calendar.js";
import { UserError } from "../../domain/user-error.js";
import { recordAudit } from "../audit.js";
import { serverKey } from "../platform/downloads.js";
import { hasLinkedChat } from "./linking.js";
import type { AuditContext } from "../context.js";

// No 0/O, 1/I/L: codes get read aloud and typed from paper. 31^10 ≈ 8·10^14 codes.
export const INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_CODE_LENGTH = 10;
export const INVITE_TTL_DAYS = 14;
// A code that dies tomorrow is not worth printing: a sheet gets a fresh one instead.
const REUSE_MARGIN_DAYS = 2;
const KEY_NAME = "invite-codes";
const CHUNK = 1000;

export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** The code of an invite, derived from its salt by the server's own key (never stored). */
function deriveCode(key: string, salt: string): string {
  const digest = createHmac("sha256", key).update(salt).digest();
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[(digest[i] ?? 0) % INVITE_ALPHABET.length];
  return code;
}

export type InviteScope = { kind: "people"; staffCodes: string[] } | { kind: "unit"; unitCode: string } | { kind: "all" };

export type IssuedInvite = { personId: number; staffCode: string; fullName: string; unitName: string; code: string; expiresAt: Date; reused: boolean };

type Target = { id: number; staffCode: string; fullName: string; unitName: string };

/**
 * Invites for the people a scope names — named people whatever their state, a unit's or
 * everyone's only if not linked yet. A still-valid code is given again (a sheet printed twice
 * does not void the first); `fresh` revokes the old codes and issues new ones.
 */
export async function issueInvites(
  db: Database,
  scope: InviteScope,
  context: AuditContext & { fresh?: boolean; ttlDays?: number },
): Promise<{ issued: IssuedInvite[]; unknown: string[]; revoked: number }> {
  const now = context.clock();
  const key = await serverKey(db, KEY_NAME, now);
  return db.transaction(async (tx) => {
    const { targets, unknown } = await targetsOf(tx, scope);
    const ids = targets.map((target) => target.id);
    const reusable = new Map<number, { salt: string; expiresAt: Date }>();
    let revoked = 0;
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const open = and(inArray(invites.personId, chunk), isNull(invites.usedAt), isNull(invites.revokedAt));
      if (context.fresh) {
        revoked += (await tx.update(invites).set({ revokedAt: now }).where(open).returning({ id: invites.id })).length;
        continue;
      }
      const valid = await tx
        .select({ personId: invites.personId, salt: invites.salt, expiresAt: invites.expiresAt })
        .from(invites)
        .where(and(open, isNotNull(invites.salt), gt(invites.expiresAt, addDays(now, REUSE_MARGIN_DAYS))))
        .orderBy(asc(invites.expiresAt));
      // The latest-expiring one wins: it is the one most recently handed out.
      for (const invite of valid) reusable.set(invite.personId, { salt: invite.salt as string, expiresAt: invite.expiresAt });
    }
    const expiresAt = addDays(now, context.ttlDays ?? INVITE_TTL_DAYS);
    const issued: IssuedInvite[] = [];
    const fresh: { personId: number; codeHash: string; salt: string; expiresAt: Date; createdAt: Date }[] = [];
    for (const target of targets) {
      const existing = reusable.get(target.id);
      const salt = existing?.salt ?? randomBytes(12).toString("base64url");
      const code = deriveCode(key, salt);
      if (!existing) fresh.push({ personId: target.id, codeHash: hashInviteCode(code), salt, expiresAt, createdAt: now });
      issued.push({
        personId: target.id,
        staffCode: target.staffCode,
        fullName: target.fullName,
        unitName: target.unitName,
        code,
        expiresAt: existing?.expiresAt ?? expiresAt,
        reused: existing !== undefined,
      });
    }
    for (let start = 0; start < fresh.length; start += CHUNK) await tx.insert(invites).values(fresh.slice(start, start + CHUNK));
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "invite.issue",
      subject: scope.kind === "unit" ? `unit:${scope.unitCode}` : scope.kind === "all" ? "invites" : `people:${scope.staffCodes.length}`,
      details: { created: fresh.length, reused: issued.length - fresh.length, revoked, expiresAt: expiresAt.toISOString() },
    });
    return { issued, unknown, revoked };
  });
}

/** The unit a code names, if any (codes are stored upper-cased). */
export async function unitByCode(db: Database, code: string): Promise<{ id: number; code: string } | undefined> {
  const [unit] = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.code, code.trim().toUpperCase()));
  return unit;
}

async function targetsOf(db: Database, scope: InviteScope): Promise<{ targets: Target[]; unknown: string[] }> {
  const columns = { id: people.id, staffCode: people.staffCode, fullName: people.fullName, unitName: units.name };
  const notLinked = sql`not ${hasLinkedChat(sql`${people.id}`)}`;
  const base = () => db.select(columns).from(people).innerJoin(units, eq(units.id, people.unitId));
  const order = [asc(units.name), asc(people.fullName)];
  if (scope.kind === "all")
    return {
      targets: await base()
        .where(and(eq(people.active, true), notLinked))
        .orderBy(...order),
      unknown: [],
    };
  if (scope.kind === "unit") {
    const unit = await unitByCode(db, scope.unitCode);
    if (!unit) throw new UserError("invite-unknown-unit", { code: scope.unitCode.trim().toUpperCase() });
    return {
      targets: await base()
        .where(and(eq(people.unitId, unit.id), eq(people.active, true), notLinked))
        .orderBy(...order),
      unknown: [],
    };
  }
  const wanted = [...new Set(scope.staffCodes.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  const found: Target[] = [];
  for (let start = 0; start < wanted.length; start += CHUNK) {
    found.push(...(await base().where(and(inArray(people.staffCode, wanted.slice(start, start + CHUNK)), eq(people.active, true)))));
  }
  const byCode = new Map(found.map((target) => [target.staffCode, target]));
  return { targets: wanted.flatMap((code) => byCode.get(code) ?? []), unknown: wanted.filter((code) => !byCode.has(code)) };
}
