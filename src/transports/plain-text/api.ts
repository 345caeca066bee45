import type { ApiClientOptions } from "grammy";
import type { InlineKeyboardMarkup, UserFromGetMe } from "grammy/types";
import type { PendingChoice } from "../../domain/numbered-choices.js";
import { htmlToPlainText } from "../../domain/text.js";
import { parseApiPayload, safeJson, type UploadedPart } from "../http/body.js";

/** A button as a platform without inline keyboards offers it: a label and what pressing sends. */
export type Choice = PendingChoice;

/** A document a handler sent: its name and, when the handler uploaded it, its bytes. */
export type OutgoingFile = { fileName: string; bytes: (() => Promise<Uint8Array>) | undefined };

/** What a handler asked to show, in the terms of a platform that only has plain text. */
export type PlainOutgoing =
  | { kind: "message" | "edit"; chatId: string; messageId: number; text: string; choices: Choice[] }
  /** New buttons on a message already shown (a toggled option): the options again, without the text. */
  | { kind: "choices"; chatId: string; messageId: number; choices: Choice[] }
  | { kind: "notice"; chatId: string; text: string }
  | { kind: "document"; chatId: string; file: OutgoingFile; caption: string };

/** Where a platform puts what the bot says. */
export interface PlainTextSink {
  deliver(outgoing: PlainOutgoing): Promise<void>;
  /** The chat a callback query came from: answerCallbackQuery names only the query. */
  chatOfCallbackQuery?(queryId: string): string;
  /** The path on this machine of a file the platform took in itself (getFile answers with it). */
  localFile?(fileId: string): string | undefined;
  /** A Bot API call the platform cannot carry out: logged in production, a failure in tests. */
  unsupported(method: string): void;
}

/**
 * The Bot API methods a plain-text platform carries out, and those it answers without doing
 * anything on purpose (the platform shows its own "typing…"; it has no command menu). Any other
 * method is refused loudly (see plainTextFetch), never answered with a silent success.
 */
export const PLAIN_TEXT_METHODS = {
  carried: ["sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "sendDocument", "getFile"],
  ignored: ["sendChatAction", "setMyCommands"],
} as const;

type ApiFetch = NonNullable<ApiClientOptions["fetch"]>;

let nextMessageId = 1;

/**
 * The Bot API, answered for a platform that is not Telegram: grammY's HTTP calls end here, the
 * messages go to the sink as plain text with their buttons as choices, and grammY gets the
 * answers it expects, so commands never know where they run. It is the client's `fetch` rather
 * than an API transformer because guided conversations build their own Api from the client
 * options (transformers are not carried over), and must record these answers for their replays.
 */
export function plainTextFetch(sink: PlainTextSink): ApiFetch {
  return (async (input: unknown, init?: { body?: unknown; headers?: unknown }) => {
    const method = /\/(\w+)$/.exec(String(input))?.[1] ?? "";
    const known = (PLAIN_TEXT_METHODS.carried as readonly string[]).includes(method) || (PLAIN_TEXT_METHODS.ignored as readonly string[]).includes(method);
    if (!known) {
      sink.unsupported(method);
      const refusal = { ok: false, error_code: 501, description: `Not Implemented: ${method} has no counterpart on this platform` };
      return new Response(JSON.stringify(refusal), { status: 501, headers: { "content-type": "application/json" } });
    }
    const payload = await readPayload(init);
    if (method === "getFile") return fileAnswer(sink, String(payload.file_id ?? ""));
    const result = await answer(sink, method, payload);
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  }) as unknown as ApiFetch;
}

async function answer(sink: PlainTextSink, method: string, fields: Record<string, unknown>): Promise<unknown> {
  const chatId = String(fields.chat_id ?? "");
  const text = htmlToPlainText(String(fields.text ?? fields.caption ?? ""));
  const choices = choicesOf(fields.reply_markup);
  const now = Math.floor(Date.now() / 1000);
  const message = (messageId: number) => ({ message_id: messageId, date: now, chat: { id: chatIdValue(chatId), type: "private" }, text });
  switch (method) {
    case "sendMessage": {
      const messageId = nextMessageId++;
      await sink.deliver({ kind: "message", chatId, messageId, text, choices });
      return message(messageId);
    }
    case "editMessageText": {
      const messageId = Number(fields.message_id) || nextMessageId++;
      await sink.deliver({ kind: "edit", chatId, messageId, text, choices });
      return message(messageId);
    }
    case "editMessageReplyMarkup": {
      const messageId = Number(fields.message_id) || nextMessageId++;
      await sink.deliver({ kind: "choices", chatId, messageId, choices });
      return message(messageId);
    }
    case "answerCallbackQuery": {
      const queryChat = sink.chatOfCallbackQuery?.(String(fields.callback_query_id ?? "")) ?? chatId;
      if (text) await sink.deliver({ kind: "notice", chatId: queryChat, text });
      return true;
    }
    case "sendDocument":
      await sink.deliver({ kind: "document", chatId, file: outgoingFile(fields.document), caption: text });
      return message(nextMessageId++);
    default:
      // PLAIN_TEXT_METHODS.ignored: nothing to do on this platform.
      return true;
  }
}

/** As a local Bot API server answers: the file's absolute path on this machine's disk. */
function fileAnswer(sink: PlainTextSink, fileId: string): Response {
  const path = sink.localFile?.(fileId);
  const body = path
    ? { ok: true, result: { file_id: fileId, file_unique_id: fileId, file_path: path } }
    : { ok: false, error_code: 400, description: "Bad Request: invalid file_id" };
  return new Response(JSON.stringify(body), { status: path ? 200 : 400, headers: { "content-type": "application/json" } });
}

/** The call's fields, as the platform would read them. */
async function readPayload(init: { body?: unknown; headers?: unknown } | undefined): Promise<Record<string, unknown>> {
  if (init?.body === undefined || init.body === null) return {};
  const headers = new Headers(init.headers as Record<string, string>);
  const body = Buffer.from(await new Response(init.body as BodyInit).arrayBuffer());
  return parseApiPayload(headers.get("content-type") ?? "", body);
}

/** Telegram's chat ids are numbers; other platforms' may not be, and pass through as they are. */
function chatIdValue(chatId: string): number | string {
  return /^-?\d{1,15}$/.test(chatId) ? Number(chatId) : chatId;
}

function outgoingFile(document: unknown): OutgoingFile {
  if (typeof document === "object" && document !== null && "bytes" in document && Buffer.isBuffer(document.bytes)) {
    const { name, bytes } = document as UploadedPart;
    return { fileName: name || "document", bytes: async () => bytes };
  }
  // A file id of Telegram's: there are no bytes to pass on.
  return { fileName: "document", bytes: undefined };
}

function choicesOf(markup: unknown): Choice[] {
  const parsed = typeof markup === "string" ? safeJson(markup) : markup;
  const keyboard = (parsed as InlineKeyboardMarkup | undefined)?.inline_keyboard;
  if (!Array.isArray(keyboard)) return [];
  return keyboard
    .flat()
    .flatMap((button) => ("callback_data" in button && typeof button.callback_data === "string" ? [{ label: button.text, data: button.callback_data }] : []));
}

/** grammY recognises commands by their entity, as Telegram marks them. */
export function commandEntities(text: string) {
  const command = /^\/[^\s]+/.exec(text)?.[0];
  return command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command.length }] } : {};
}

/** Who the bot is on a platform where there is no getMe to ask. */
export function plainBotInfo(id: number, username: string): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: "tdkt-bot",
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  } as UserFromGetMe;
}
