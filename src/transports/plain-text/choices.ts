import { and, eq, gt } from "drizzle-orm";
import type { Chat, Update, User } from "grammy/types";
import type { Database } from "../../db/client.js";
import { pendingChoices } from "../../db/schema/index.js";
import type { PendingChoice } from "../../domain/numbered-choices.js";
import { matchChoiceReply } from "../../domain/numbered-choices.js";
import type { Platform } from "../../services/accounts/chat-accounts.js";
import { commandEntities } from "./api.js";

/** How long numbered options stay answerable: long enough for a step left over lunch. */
export const CHOICES_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Remembers the options just shown in a chat (they replace the earlier ones), in Postgres so
 * that any instance matches the reply. Called before the message goes out: a quick reply must
 * find them.
 */
export async function rememberChoices(db: Database, platform: Platform, chatId: string, choices: PendingChoice[], messageId: number): Promise<void> {
  const expiresAt = new Date(Date.now() + CHOICES_TTL_MS);
  await db
    .insert(pendingChoices)
    .values({ platform, chatId, choices, messageId, expiresAt })
    .onConflictDoUpdate({ target: [pendingChoices.platform, pendingChoices.chatId], set: { choices, messageId, expiresAt } });
}

/** The numbers of that message stop working (its buttons were taken away); a later list stays. */
export async function forgetChoices(db: Database, platform: Platform, chatId: string, messageId: number): Promise<void> {
  await db.delete(pendingChoices).where(and(eq(pendingChoices.platform, platform), eq(pendingChoices.chatId, chatId), eq(pendingChoices.messageId, messageId)));
}

async function pendingChoicesOf(db: Database, platform: Platform, chatId: string): Promise<{ choices: PendingChoice[]; messageId: number } | undefined> {
  const [row] = await db
    .select({ choices: pendingChoices.choices, messageId: pendingChoices.messageId })
    .from(pendingChoices)
    .where(and(eq(pendingChoices.platform, platform), eq(pendingChoices.chatId, chatId), gt(pendingChoices.expiresAt, new Date())));
  return row;
}

/** One thing a person sent on a plain-text platform, before it is read as a command, a choice or text. */
export type TypedLine = {
  platform: Platform;
  updateId: number;
  chatId: string;
  from: User;
  chat: Chat.PrivateChat | Chat.GroupChat;
  /** Seconds, as Telegram dates messages. */
  date: number;
  /** Undefined for what has no text (a sticker, an image). */
  text: string | undefined;
  messageId: number;
};

/**
 * The update a line becomes, the same way on every plain-text platform: a reply that picks one
 * of the options last shown in the chat (its number, "số N", or its label typed with or without
 * accents) is the press of that button; a number not on the list is `outOfRange` (the user meant
 * to choose, and is asked again); anything else is the message as it is.
 */
export async function updateFromLine(db: Database, line: TypedLine): Promise<{ update: Update } | { outOfRange: number }> {
  const { text } = line;
  if (text !== undefined && !text.startsWith("/")) {
    const pending = await pendingChoicesOf(db, line.platform, line.chatId);
    const reply =
      pending &&
      matchChoiceReply(
        text,
        pending.choices.map((choice) => choice.label),
      );
    if (pending && reply?.kind === "chosen") {
      return {
        update: {
          update_id: line.updateId,
          callback_query: {
            id: `${line.updateId}:${line.chatId}`,
            from: line.from,
            chat_instance: line.chatId,
            data: (pending.choices[reply.index] as PendingChoice).data,
            message: { message_id: pending.messageId, date: line.date, chat: line.chat, text: "" },
          },
        },
      };
    }
    if (reply?.kind === "out-of-range") return { outOfRange: reply.count };
  }
  return {
    update: {
      update_id: line.updateId,
      message: {
        message_id: line.messageId,
        date: line.date,
        chat: line.chat,
        from: line.from,
        ...(text !== undefined ? { text, ...commandEntities(text) } : {}),
      },
    } as Update,
  };
}

/** A callback query id as the plain-text platforms make it names the chat after the colon. */
export function chatOfCallbackQuery(queryId: string): string {
  return queryId.slice(queryId.indexOf(":") + 1);
}
