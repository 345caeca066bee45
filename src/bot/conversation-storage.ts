import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { conversationStates } from "../db/schema/index.js";
import { conversationKey, type Platform } from "../services/accounts/chat-accounts.js";
import type { Context } from "./context.js";

/**
 * Conversation state in Postgres, keyed by platform and chat: a restart, or the next update of
 * the chat landing on another instance, resumes the conversation where it stopped.
 *
 * The account row says whether there is state to read: most updates are not part of a
 * conversation. When there is, the update's intake has read it along with the identity; each
 * write or delete sets the account's flag in the same statement. A conversation step costs one
 * round trip here, not three.
 */
export function postgresConversationStorage(db: Database, platform: Platform): ConversationStorage<Context, ConversationData> {
  const keyOf = (ctx: Context) => conversationKey(platform, ctx.chatId ?? ctx.from?.id ?? "");
  /** Sets the account's flag with the state's write (`change` a data-modifying CTE). */
  const withFlag = async (ctx: Context, change: ReturnType<typeof sql>, active: boolean) => {
    const identity = ctx.identity;
    if (!identity) {
      await db.execute(change);
      return;
    }
    await queryRows(db, sql`with change as (${change} returning 1) update chat_accounts set conversation_active = ${active} where id = ${identity.accountId}`);
    identity.conversationActive = active;
  };
  return {
    type: "context",
    adapter: {
      async read(ctx) {
        const identity = ctx.identity;
        if (identity && !identity.conversationActive) return undefined;
        const key = keyOf(ctx);
        const prefetched = identity?.conversationState;
        if (prefetched?.key === key) {
          delete identity.conversationState;
          return (prefetched.value ?? undefined) as VersionedState<ConversationData> | undefined;
        }
        const [row] = await db.select({ value: conversationStates.value }).from(conversationStates).where(eq(conversationStates.key, key));
        return row?.value as VersionedState<ConversationData> | undefined;
      },
      async write(ctx, state) {
        const key = keyOf(ctx);
        const value = JSON.stringify(state);
        await withFlag(
          ctx,
          sql`insert into ${conversationStates} (key, value, updated_at) values (${key}, ${value}::jsonb, now())
            on conflict (agency_id, key) do update set value = excluded.value, updated_at = excluded.updated_at`,
          true,
        );
      },
      async delete(ctx) {
        await withFlag(ctx, sql`delete from ${conversationStates} where key = ${keyOf(ctx)}`, false);
      },
    },
  };
}
