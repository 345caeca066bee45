import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { chatAccounts, conversationStates } from "../db/schema/index.js";
import type { Platform } from "../services/accounts.js";
import type { Context } from "./context.js";

/**
 * Conversation state in Postgres, keyed by platform and chat: a restart, or the next update of
 * the chat landing on another instance, resumes the conversation where it stopped.
 */
export function postgresConversationStorage(db: Database, platform: Platform): ConversationStorage<Context, ConversationData> {
  const keyOf = (ctx: Context) => `${platform}:${ctx.chatId ?? ctx.from?.id ?? ""}`;
  // The account row, read with the identity anyway, says whether there is state to read: most
  // updates are not part of a conversation, and skipping the read saves a round trip for each.
  const mark = async (ctx: Context, active: boolean) => {
    if (!ctx.identity) return;
    await db.update(chatAccounts).set({ conversationActive: active }).where(eq(chatAccounts.id, ctx.identity.accountId));
    ctx.identity.conversationActive = active;
  };
  return {
    type: "context",
    adapter: {
      async read(ctx) {
        if (ctx.identity && !ctx.identity.conversationActive) return undefined;
        const [row] = await db
          .select({ value: conversationStates.value })
          .from(conversationStates)
          .where(eq(conversationStates.key, keyOf(ctx)));
        return row?.value as VersionedState<ConversationData> | undefined;
      },
      async write(ctx, state) {
        await db
          .insert(conversationStates)
          .values({ key: keyOf(ctx), value: state, updatedAt: sql`now()` })
          .onConflictDoUpdate({ target: conversationStates.key, set: { value: state, updatedAt: sql`now()` } });
        if (!ctx.identity?.conversationActive) await mark(ctx, true);
      },
      async delete(ctx) {
        await db.delete(conversationStates).where(eq(conversationStates.key, keyOf(ctx)));
        if (ctx.identity?.conversationActive) await mark(ctx, false);
      },
    },
  };
}
