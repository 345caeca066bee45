import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts } from "../../db/schema/index.js";
import { readToken, type ServerLinks, signToken } from "./signed-links.js";

export const UPLOAD_PATH = "/uploads/";
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

/** The chat a file sent through an upload link goes into, as if it had been sent there. */
export type UploadTarget = { accountId: number; platform: string; chatId: string; externalId: string; displayName: string; language: string | null };

/**
 * A link to the bot's own upload page, for a platform whose bots cannot receive files (Zalo):
 * whatever is sent through it within the hour arrives in that chat account's conversation, where
 * the usual preview and confirmation follow. Only the account's own chat sees the link.
 */
export function uploadLink(links: ServerLinks, accountId: number, now: Date): { url: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + UPLOAD_TTL_MS);
  return { url: new URL(`${UPLOAD_PATH}${signToken(links.signingKey, "upload", accountId, expiresAt)}`, links.baseUrl).toString(), expiresAt };
}

/** The chat account a genuine, unexpired upload token names, if it still exists and is linked. */
export async function uploadTarget(db: Database, signingKey: string, token: string, now: Date): Promise<UploadTarget | undefined> {
  const accountId = readToken(signingKey, "upload", token, now);
  if (accountId === undefined) return undefined;
  const [account] = await db
    .select({
      accountId: chatAccounts.id,
      platform: chatAccounts.platform,
      chatId: chatAccounts.chatId,
      externalId: chatAccounts.externalId,
      displayName: chatAccounts.displayName,
      language: chatAccounts.language,
      personId: chatAccounts.personId,
    })
    .from(chatAccounts)
    .where(eq(chatAccounts.id, accountId));
  if (!account || account.personId === null) return undefined;
  const { personId: _linked, ...target } = account;
  return target;
}
