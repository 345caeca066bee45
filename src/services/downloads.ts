import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { downloads, serverKeys } from "../db/schema.js";

export const DOWNLOAD_TTL_MS = 60 * 60 * 1000;
export const DOWNLOAD_PATH = "/downloads/";

/** Where links point and what signs them: the public origin of the webhook server and a key no platform sees. */
export type DownloadLinks = { db: Database; baseUrl: string; signingKey: string };

const SIGNING_KEY_NAME = "download-signing";

/**
 * The key that signs download links: the configured one, else one this server made for itself
 * and keeps in the database, so that every instance signs alike and no platform ever sees it
 * (a webhook secret travels to the platform with every delivery, so it must not sign anything).
 */
export async function downloadSigningKey(db: Database, configured: string | undefined, now = new Date()): Promise<string> {
  if (configured) return configured;
  await db
    .insert(serverKeys)
    .values({ name: SIGNING_KEY_NAME, secret: randomBytes(32).toString("base64url"), createdAt: now })
    .onConflictDoNothing();
  const [row] = await db.select({ secret: serverKeys.secret }).from(serverKeys).where(eq(serverKeys.name, SIGNING_KEY_NAME));
  return (row as { secret: string }).secret;
}

/**
 * Keeps a file for an hour and returns a link to it: `<id>.<expiry>.<signature>`, so a link can
 * neither be guessed nor stretched past its expiry. Any instance can serve it from the database.
 */
export async function publishDownload(
  links: DownloadLinks,
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
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  const url = new URL(`${DOWNLOAD_PATH}${id}.${expiry}.${sign(links.signingKey, id, expiry)}`, links.baseUrl).toString();
  return { url, expiresAt };
}

/** The file a link names, if the link is genuine and not expired. */
export async function openDownload(
  db: Database,
  signingKey: string,
  token: string,
  now = new Date(),
): Promise<{ fileName: string; bytes: Buffer } | undefined> {
  const match = /^(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const id = Number(match[1]);
  const expiry = Number(match[2]);
  const given = Buffer.from(match[3] as string);
  const expected = Buffer.from(sign(signingKey, id, expiry));
  if (!timingSafeEqual(given, expected) || expiry * 1000 <= now.getTime()) return undefined;
  const [row] = await db
    .select({ fileName: downloads.fileName, contentBase64: downloads.contentBase64 })
    .from(downloads)
    .where(and(eq(downloads.id, id), gt(downloads.expiresAt, now)));
  return row ? { fileName: row.fileName, bytes: Buffer.from(row.contentBase64, "base64") } : undefined;
}

function sign(signingKey: string, id: number, expiry: number): string {
  return createHmac("sha256", signingKey).update(`download:${id}:${expiry}`).digest("base64url");
}
