import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { downloads, serverKeys } from "../../db/schema/index.js";
import { readToken, type ServerLinks, signToken } from "./signed-links.js";

export const DOWNLOAD_TTL_MS = 60 * 60 * 1000;
export const DOWNLOAD_PATH = "/downloads/";

const SIGNING_KEY_NAME = "download-signing";

/**
 * The key that signs download links: the configured one, else one this server made for itself
 * and keeps in the database, so that every instance signs alike and no platform ever sees it
 * (a webhook secret travels to the platform with every delivery, so it must not sign anything).
 */
export async function downloadSigningKey(db: Database, configured: string | undefined, now = new Date()): Promise<string> {
  return configured ?? serverKey(db, SIGNING_KEY_NAME, now);
}

/** A secret this server made for itself under that name, the same for every instance. */
export async function serverKey(db: Database, name: string, now = new Date()): Promise<string> {
  await db
    .insert(serverKeys)
    .values({ name, secret: randomBytes(32).toString("base64url"), createdAt: now })
    .onConflictDoNothing();
  const [row] = await db.select({ secret: serverKeys.secret }).from(serverKeys).where(eq(serverKeys.name, name));
  return (row as { secret: string }).secret;
}

/**
 * Keeps a file for an hour and returns a link to it: `<id>.<expiry>.<signature>`, so a link can
 * neither be guessed nor stretched past its expiry. Any instance can serve it from the database.
 */
export async function publishDownload(
  links: ServerLinks,
  file: { fileName: string; bytes: Uint8Array },
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + DOWNLOAD_TTL_MS);
  await links.db.delete(downloads).where(lt(downloads.expiresAt, now));
  const [row] = await links.db
    .insert(downloads)
    .values({ fileName: file.fileName, contentBase64: Buffer.from(file.bytes).toString("base64"), expiresAt })
    .returning({ id: downloads.id });
  const id = (row as { id: number }).id;
  const url = new URL(`${DOWNLOAD_PATH}${signToken(links.signingKey, "download", id, expiresAt)}`, links.baseUrl).toString();
  return { url, expiresAt };
}

/**
 * The file a link names, if the link is genuine, not expired and not used yet. `take` uses it up
 * (in one statement, so two requests at once cannot both get it); without it, it is only looked at.
 */
export async function openDownload(
  db: Database,
  signingKey: string,
  token: string,
  options: { now?: Date; take: boolean },
): Promise<{ fileName: string; bytes: Buffer } | "used" | undefined> {
  const now = options.now ?? new Date();
  const id = readToken(signingKey, "download", token, now);
  if (id === undefined) return undefined;
  const live = and(eq(downloads.id, id), gt(downloads.expiresAt, now));
  const file = { fileName: downloads.fileName, contentBase64: downloads.contentBase64 };
  const [row] = options.take
    ? await db
        .update(downloads)
        .set({ openedAt: now })
        .where(and(live, isNull(downloads.openedAt)))
        .returning(file)
    : await db
        .select(file)
        .from(downloads)
        .where(and(live, isNull(downloads.openedAt)));
  if (row) return { fileName: row.fileName, bytes: Buffer.from(row.contentBase64, "base64") };
  const [used] = await db.select({ id: downloads.id }).from(downloads).where(live);
  return used ? "used" : undefined;
}
