import { createHmac, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.js";

/** Where links point and what signs them: the public origin of the webhook server and a key no platform sees. */
export type ServerLinks = { db: Database; baseUrl: string; signingKey: string };

/** What a signed token grants: a download of one file, or sending files into one chat. */
export type LinkPurpose = "download" | "upload";

/**
 * `<id>.<expiry>.<signature>`: a token that can neither be guessed, stretched past its expiry
 * (seconds since the epoch) nor used for another purpose than the one it was signed for.
 */
export function signToken(signingKey: string, purpose: LinkPurpose, id: number, expiresAt: Date): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${expiry}.${signature(signingKey, purpose, id, expiry)}`;
}

/** The id a genuine, unexpired token of that purpose names; undefined for anything else. */
export function readToken(signingKey: string, purpose: LinkPurpose, token: string, now: Date): number | undefined {
  const match = /^(\d{1,15})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const id = Number(match[1]);
  const expiry = Number(match[2]);
  const given = Buffer.from(match[3] as string);
  const expected = Buffer.from(signature(signingKey, purpose, id, expiry));
  if (!timingSafeEqual(given, expected) || expiry * 1000 <= now.getTime()) return undefined;
  return id;
}

function signature(signingKey: string, purpose: LinkPurpose, id: number, expiry: number): string {
  return createHmac("sha256", signingKey).update(`${purpose}:${id}:${expiry}`).digest("base64url");
}
