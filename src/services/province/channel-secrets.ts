import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { agencies, agencyChannels } from "../../db/schema/index.js";
import { UserError } from "../../domain/user-error.js";

/**
 * The settings an agency's channels may keep in the database instead of the environment (the
 * environment wins when it sets one): what differs from one agency's bot to another's.
 */
export const STORED_CHANNEL_SETTINGS = [
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_BOT_USERNAME",
  "ZALO_BOT_TOKEN",
  "ZALO_OA_APP_ID",
  "ZALO_OA_APP_SECRET",
  "ZALO_OA_ID",
  "ZALO_OA_SECRET_KEY",
  "ZALO_OA_REFRESH_TOKEN",
] as const;
export type StoredChannelSetting = (typeof STORED_CHANNEL_SETTINGS)[number];

// AES-256-GCM under a key derived from CHANNEL_SECRETS_KEY; the agency and the setting's name are
// bound in as associated data, so a sealed value copied to another agency or setting will not open.
const VERSION = "v1";

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "tdkt-bot", "agency channel credentials", 32));
}

export function sealChannelValue(secret: string, agencyId: number, name: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  cipher.setAAD(Buffer.from(`${agencyId}:${name}`));
  const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64")}`;
}

/** The value, or a UserError when the key is not the one it was sealed with (or the row was moved). */
export function openChannelValue(secret: string, agencyId: number, name: string, sealed: string): string {
  const bytes = Buffer.from(sealed.slice(VERSION.length + 1), "base64");
  try {
    if (!sealed.startsWith(`${VERSION}:`) || bytes.length < 28) throw new Error("not sealed");
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${agencyId}:${name}`));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new UserError("channel-secret-unreadable", { name });
  }
}

export function isStoredChannelSetting(name: string): name is StoredChannelSetting {
  return (STORED_CHANNEL_SETTINGS as readonly string[]).includes(name);
}

/**
 * Keeps (or, with an empty value, removes) one channel setting of an agency, sealed. Run on the
 * owner's connection (the province's administrator): it names the agency by its code.
 */
export async function setChannelSetting(
  ownerDb: Database,
  input: { agencyCode: string; name: string; value: string },
  secret: string,
): Promise<{ agencyId: number } | undefined> {
  if (!isStoredChannelSetting(input.name)) throw new UserError("channel-setting-unknown", { name: input.name, names: STORED_CHANNEL_SETTINGS.join(", ") });
  const [agency] = await ownerDb.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.agencyCode.trim().toUpperCase()));
  if (!agency) return undefined;
  if (input.value === "") {
    await ownerDb.delete(agencyChannels).where(and(eq(agencyChannels.agencyId, agency.id), eq(agencyChannels.name, input.name)));
    return { agencyId: agency.id };
  }
  const sealed = sealChannelValue(secret, agency.id, input.name, input.value);
  await ownerDb
    .insert(agencyChannels)
    .values({ agencyId: agency.id, name: input.name, sealed })
    .onConflictDoUpdate({ target: [agencyChannels.agencyId, agencyChannels.name], set: { sealed, updatedAt: sql`now()` } });
  return { agencyId: agency.id };
}

/** The channel settings the connection's agency keeps in the database, opened: what its bot starts with. */
export async function storedChannelSettings(db: Database, secret: string, agencyId: number): Promise<Partial<Record<StoredChannelSetting, string>>> {
  const rows = await db.select({ name: agencyChannels.name, sealed: agencyChannels.sealed }).from(agencyChannels);
  const settings: Partial<Record<StoredChannelSetting, string>> = {};
  for (const row of rows) if (isStoredChannelSetting(row.name)) settings[row.name] = openChannelValue(secret, agencyId, row.name, row.sealed);
  return settings;
}
