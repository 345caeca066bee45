import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts, people, units } from "../../db/schema/index.js";
import type { NotifyVia } from "../../domain/notifications.js";
import { ROLES, type Role } from "../../domain/roles.js";

export type Platform = "telegram" | "zalo" | "zalo_oa" | "console";

/** The person behind a chat account, as commands need it. */
export type PersonProfile = {
  id: number;
  staffCode: string;
  fullName: string;
  position: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  roles: Role[];
};

export type Identity = {
  accountId: number;
  language: string | null;
  /** A guided conversation is open in the chat (its state is worth reading). */
  conversationActive: boolean;
  /** The roles this chat's command menu shows (see chatMenuRolesOf), or null for the staff menu. */
  menuRoles: string | null;
  person: PersonProfile | null;
  /**
   * The open conversation's state as the update's intake read it, for the conversation storage's
   * read of this update (taken once: a later read goes to the database).
   */
  conversationState?: { key: string; value: unknown };
};

export type ChatUser = { platform: Platform; externalId: string; chatId: string; displayName: string };

/** Where a chat's conversation state is kept (conversation_states.key). */
export function conversationKey(platform: Platform, chatId: string | number): string {
  return `${platform}:${chatId}`;
}

/**
 * Finds (or records) the chat account an update comes from and the person linked to it. A user
 * who writes to the bot has evidently not blocked it, so a stale blocked flag is cleared.
 */
export async function resolveIdentity(db: Database, user: ChatUser): Promise<Identity> {
  const found = await selectIdentity(db, user);
  if (found) {
    if (found.blocked) {
      await db.update(chatAccounts).set({ blocked: false }).where(eq(chatAccounts.id, found.identity.accountId));
    }
    return found.identity;
  }
  await db
    .insert(chatAccounts)
    .values({ platform: user.platform, externalId: user.externalId, chatId: user.chatId, displayName: user.displayName })
    .onConflictDoNothing();
  const created = await selectIdentity(db, user);
  if (!created) throw new Error(`chat account ${user.platform}:${user.externalId} vanished`);
  return created.identity;
}

async function selectIdentity(db: Database, user: ChatUser) {
  const [row] = await db
    .select({
      accountId: chatAccounts.id,
      language: chatAccounts.language,
      blocked: chatAccounts.blocked,
      conversationActive: chatAccounts.conversationActive,
      menuRoles: chatAccounts.menuRoles,
      personId: people.id,
      staffCode: people.staffCode,
      fullName: people.fullName,
      position: people.position,
      roles: people.roles,
      active: people.active,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
    })
    .from(chatAccounts)
    .leftJoin(people, eq(people.id, chatAccounts.personId))
    .leftJoin(units, eq(units.id, people.unitId))
    .where(and(eq(chatAccounts.platform, user.platform), eq(chatAccounts.externalId, user.externalId)))
    .limit(1);
  if (!row) return undefined;
  return identityFromRow(row);
}

export type IdentityRow = {
  accountId: number;
  language: string | null;
  blocked: boolean;
  conversationActive: boolean;
  menuRoles: string | null;
  personId: number | null;
  staffCode: string | null;
  fullName: string | null;
  position: string | null;
  roles: string[] | null;
  active: boolean | null;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
};

/** An account row joined with its person and unit, as the identity commands see. */
export function identityFromRow(row: IdentityRow): { blocked: boolean; identity: Identity } {
  const person: PersonProfile | null =
    row.personId !== null && row.active && row.unitId !== null
      ? {
          id: row.personId,
          staffCode: row.staffCode ?? "",
          fullName: row.fullName ?? "",
          position: row.position ?? "",
          unitId: row.unitId,
          unitCode: row.unitCode ?? "",
          unitName: row.unitName ?? "",
          roles: (row.roles ?? []).filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
        }
      : null;
  return {
    blocked: row.blocked,
    identity: { accountId: row.accountId, language: row.language, conversationActive: row.conversationActive, menuRoles: row.menuRoles, person },
  };
}

/** Where the person's notifications go, and the platforms they have a reachable account on. */
export async function notificationSettings(db: Database, personId: number): Promise<{ via: NotifyVia; platforms: string[] }> {
  const [person] = await db.select({ via: people.notifyVia }).from(people).where(eq(people.id, personId));
  const accounts = await db
    .selectDistinct({ platform: chatAccounts.platform })
    .from(chatAccounts)
    .where(and(eq(chatAccounts.personId, personId), eq(chatAccounts.blocked, false)));
  return { via: person?.via ?? "both", platforms: accounts.map((account) => account.platform) };
}

export async function setNotifyVia(db: Database, personId: number, via: NotifyVia): Promise<void> {
  await db.update(people).set({ notifyVia: via, updatedAt: new Date() }).where(eq(people.id, personId));
}

export async function setLanguage(db: Database, accountId: number, language: string): Promise<void> {
  await db.update(chatAccounts).set({ language }).where(eq(chatAccounts.id, accountId));
}

/**
 * Records that the user blocked the bot (Telegram's my_chat_member "kicked") or started it again:
 * a blocked account gets no notifications until then.
 */
export async function setAccountBlocked(db: Database, accountId: number, blocked: boolean): Promise<void> {
  await db.update(chatAccounts).set({ blocked }).where(eq(chatAccounts.id, accountId));
}

/** The key of a set of roles, as the command menu is published for it. */
export function chatMenuRolesOf(roles: readonly string[]): string {
  return [...roles].sort().join(";");
}

/** Records the roles the chat's command menu now shows. */
export async function recordChatMenu(db: Database, accountId: number, roles: readonly string[]): Promise<void> {
  await db
    .update(chatAccounts)
    .set({ menuRoles: chatMenuRolesOf(roles) })
    .where(eq(chatAccounts.id, accountId));
}
