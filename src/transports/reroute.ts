import type { Transformer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { htmlToPlainText } from "../domain/text.js";

/** A button as a platform without inline keyboards offers it: a label and what pressing sends. */
export type Choice = { label: string; callbackData: string };

/** What a handler asked to show, in the terms of a platform that only has plain text. */
export type PlainOutgoing =
  | { kind: "message"; chatId: string; text: string; choices: Choice[] }
  | { kind: "edit"; chatId: string; text: string; choices: Choice[] }
  | { kind: "notice"; chatId: string; text: string }
  | { kind: "document"; chatId: string; fileName: string; caption: string };

/** Where a platform puts what the bot says. */
export interface PlainTextSink {
  deliver(outgoing: PlainOutgoing): Promise<void>;
}

let nextMessageId = 1;

/**
 * An API transformer that answers Bot API calls for a platform that is not Telegram: the
 * messages go to the sink as plain text with numbered choices, and grammY gets the replies it
 * expects, so commands never know where they run.
 */
export function rerouteToPlainText(sink: PlainTextSink): Transformer {
  return async (_previous, method, payload) => {
    const fields = payload as Record<string, unknown>;
    const chatId = String(fields.chat_id ?? "");
    const text = htmlToPlainText(String(fields.text ?? fields.caption ?? ""));
    const choices = choicesOf(fields.reply_markup);
    const now = Math.floor(Date.now() / 1000);
    const message = () => ({ message_id: nextMessageId++, date: now, chat: { id: Number(chatId) || 0, type: "private" }, text });
    switch (method) {
      case "sendMessage":
        await sink.deliver({ kind: "message", chatId, text, choices });
        return { ok: true, result: message() } as never;
      case "editMessageText":
        await sink.deliver({ kind: "edit", chatId, text, choices });
        return { ok: true, result: message() } as never;
      case "answerCallbackQuery":
        if (text) await sink.deliver({ kind: "notice", chatId, text });
        return { ok: true, result: true } as never;
      case "sendDocument": {
        const document = fields.document as { filename?: string } | string | undefined;
        const fileName = typeof document === "object" && document?.filename ? document.filename : "document";
        await sink.deliver({ kind: "document", chatId, fileName, caption: text });
        return { ok: true, result: message() } as never;
      }
      default:
        // Commands menus, chat actions and the like have no counterpart; succeed quietly.
        return { ok: true, result: true } as never;
    }
  };
}

function choicesOf(markup: unknown): Choice[] {
  const keyboard = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
  if (!Array.isArray(keyboard)) return [];
  return keyboard.flat().flatMap((button) =>
    "callback_data" in button && typeof button.callback_data === "string"
      ? [{ label: button.text, callbackData: button.callback_data }]
      : [],
  );
}
