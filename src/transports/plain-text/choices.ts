import { and, eq, gt } from "drizzle-orm";
import type { Chat, Update, User } from "grammy/types";
import type { Database } from "../../db/client.js";
import { pendingChoices } from "../../db/schema/index.js";
import * as z from "zod";
import { type ChoiceReply, keyChoices, matchChoiceReply, type OfferedChoice, type PendingChoice } from "../../domain/numbered-choices.js";
import type { Platform } from "../../services/accounts/chat-accounts.js";
import { commandEntities } from "./api.js";

/** How long numbered options stay answerable: long enough for a step left over lunch. */
export const CHOICES_TTL_MS = 12 * 60 * 60 * 1000;

const storedChoices = z.array(z.object({ label: z.string(), data: z.string(), key: z.string().optional(), messageId: z.number().int().optional() }));

/**
 * Remembers the options just shown in a chat, in Postgres so that any instance matches the reply;
 * called before the message goes out, since a quick reply must find them. A handler's message
 * replaces the chat's options (`replace`), as a conversation moves on; a notification adds its
 * own under new keys (`add`), so that a conversation in progress stays answerable. Returns the
 * options as they are to be shown, with their keys.
 */
export async function rememberChoices(
  db: Database,
  platform: Platform,
  chatId: string,
  choices: PendingChoice[],
  messageId: number,
  how: "replace" | "add" = "replace",
): Promise<OfferedChoice[]> {
  const kept = how === "add" ? ((await pendingChoicesOf(db, platform, chatId)) ?? []) : [];
  const keys = keyChoices(
    choices.map((choice) => choice.label),
    kept.map((choice) => choice.key),
  );
  const added = choices.map((choice, index) => ({ ...choice, key: keys[index] as string, messageId }));
  const offered = [...kept, ...added];
  const expiresAt = new Date(Date.now() + CHOICES_TTL_MS);
  await db
    .insert(pendingChoices)
    .values({ platform, chatId, choices: offered, messageId, expiresAt })
    .onConflictDoUpdate({ target: [pendingChoices.agencyId, pendingChoices.platform, pendingChoices.chatId], set: { choices: offered, messageId, expiresAt } });
  return added;
}

/** The options of that message stop working (its buttons were taken away); the others stay. */
export async function forgetChoices(db: Database, platform: Platform, chatId: string, messageId: number): Promise<void> {
  const offered = await pendingChoicesOf(db, platform, chatId);
  if (!offered) return;
  const rest = offered.filter((choice) => choice.messageId !== messageId);
  if (rest.length === offered.length) return;
  const chat = and(eq(pendingChoices.platform, platform), eq(pendingChoices.chatId, chatId));
  if (rest.length === 0) await db.delete(pendingChoices).where(chat);
  else await db.update(pendingChoices).set({ choices: rest }).where(chat);
}

async function pendingChoicesOf(db: Database, platform: Platform, chatId: string): Promise<OfferedChoice[] | undefined> {
  const [row] = await db
    .select({ choices: pendingChoices.choices, messageId: pendingChoices.messageId })
    .from(pendingChoices)
    .where(and(eq(pendingChoices.platform, platform), eq(pendingChoices.chatId, chatId), gt(pendingChoices.expiresAt, new Date())));
  if (!row) return undefined;
  // Rows written before options had keys were numbered from 1, all by the row's message.
  const parsed = storedChoices.safeParse(row.choices);
  if (!parsed.success) return undefined;
  return parsed.data.map((choice, index) => ({ ...choice, key: choice.key ?? String(index + 1), messageId: choice.messageId ?? row.messageId }));
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
 * of the options answerable in the chat (its key, "số N", or its label typed with or without
 * accents) is the press of that button; a key not on offer, or a number several options share,
 * is a `reprompt` (the user meant to choose, and is asked again); anything else is the message.
 */
export async function updateFromLine(db: Database, line: TypedLine): Promise<{ update: Update } | { reprompt: Reprompt }> {
  const { text } = line;
  if (text !== undefined && !text.startsWith("/")) {
    const pending = await pendingChoicesOf(db, line.platform, line.chatId);
    const reply = pending && matchChoiceReply(text, pending);
    const chosen = reply?.kind === "chosen" ? pending?.[reply.index] : undefined;
    if (chosen) {
      return {
        update: {
          update_id: line.updateId,
          callback_query: {
            id: `${line.updateId}:${line.chatId}`,
            from: line.from,
            chat_instance: line.chatId,
            data: chosen.data,
            message: { message_id: chosen.messageId, date: line.date, chat: line.chat, text: "" },
          },
        },
      };
    }
    if (reply && reply.kind !== "chosen") return { reprompt: reply };
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

/** A reply that meant to choose and did not: the person is asked again. */
export type Reprompt = Exclude<ChoiceReply, { kind: "chosen" }>;

/** What the person is told when their reply named no single option. */
export function repromptText(translate: (key: string, args: Record<string, string>) => string, reprompt: Reprompt): string {
  return reprompt.kind === "ambiguous"
    ? translate("plain-choice-ambiguous", { keys: reprompt.keys.join(", ") })
    : translate("plain-choice-out-of-range", { first: reprompt.first, last: reprompt.last });
}
