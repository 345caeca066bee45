import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { conversationStates } from "../db/schema.js";
import type { Platform } from "../services/accounts.js";
import type { Context } from "./context.js";

/**
 * Conversation state in Postgres, keyed by platform and chat: a restart, or the next update of
 * the chat landing on another instance, resumes the conversation where it stopped.
 */
export function postgresConversationStorage(db: Database, platform: Platform): ConversationStorage<Context, ConversationData> {
  return {
    type: "key",
    getStorageKey: (ctx) => (ctx.chatId === undefined ? undefined : `${platform}:${ctx.chatId}`),
    adapter: {
      async read(key) {
        const [row] = await db.select({ value: conversationStates.value }).from(conversationStates).where(eq(conversationStates.key, key));
        return row?.value as VersionedState<ConversationData> | undefined;
      },
      async write(key, state) {
        await db
          .insert(conversationStates)
          .values({ key, value: state, updatedAt: sql`now()` })
          .onConflictDoUpdate({ target: conversationStates.key, set: { value: state, updatedAt: sql`now()` } });
      },
      async delete(key) {
        await db.delete(conversationStates).where(eq(conversationStates.key, key));
      },
    },
  };
}
