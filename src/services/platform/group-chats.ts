import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { groupChats } from "../../db/schema/index.js";
import type { Platform } from "../accounts/chat-accounts.js";

/** True the first time a group chat is seen (on any instance): the one time the bot says it serves private chats. */
export async function firstTimeInGroup(db: Database, platform: Platform, chatId: string, now: Date): Promise<boolean> {
  const inserted = await db.insert(groupChats).values({ platform, chatId, toldAt: now }).onConflictDoNothing().returning({ told: sql<number>`1` });
  return inserted.length > 0;
}
