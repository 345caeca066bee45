import { parseTelegramHtml } from "./telegram-html.js";
import { escapeHtml } from "./text.js";
import type { Refusal } from "./titles.js";

/** A formatting entity as Telegram reports it on a message (offsets in UTF-16 code units). */
export type Entity = { type: string; offset: number; length: number; url?: string; language?: string };

const TAGS: Record<string, [string, string] | ((entity: Entity) => [string, string])> = {
  bold: ["<b>", "</b>"],
  italic: ["<i>", "</i>"],
  underline: ["<u>", "</u>"],
  strikethrough: ["<s>", "</s>"],
  spoiler: ["<tg-spoiler>", "</tg-spoiler>"],
  code: ["<code>", "</code>"],
  pre: (entity) => (entity.language ? [`<pre><code class="language-${escapeHtml(entity.language)}">`, "</code></pre>"] : ["<pre>", "</pre>"]),
  blockquote: ["<blockquote>", "</blockquote>"],
  text_link: (entity) => [`<a href="${escapeHtml(entity.url ?? "")}">`, "</a>"],
};

/**
 * The secretariat's message as Telegram HTML: the formatting they applied in their app is kept,
 * every character of text is escaped. Entities Telegram nests properly; commands, mentions and
 * the like are plain text here.
 */
export function entitiesToHtml(text: string, entities: Entity[] = []): string {
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const sorted = [...entities].filter((entity) => TAGS[entity.type]).sort((a, b) => a.offset - b.offset || b.length - a.length);
  for (const entity of sorted) {
    const spec = TAGS[entity.type];
    if (!spec) continue;
    const [open, close] = typeof spec === "function" ? spec(entity) : spec;
    opens.set(entity.offset, [...(opens.get(entity.offset) ?? []), open]);
    closes.set(entity.offset + entity.length, [close, ...(closes.get(entity.offset + entity.length) ?? [])]);
  }
  let html = "";
  for (let index = 0; index <= text.length; index++) {
    html += (closes.get(index) ?? []).join("");
    html += (opens.get(index) ?? []).join("");
    if (index < text.length) html += escapeHtml(text[index] as string);
  }
  return html;
}

/** Whether text typed without formatting is meant as HTML (it uses Telegram's tags). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(b|strong|i|em|u|ins|s|strike|del|a|code|pre|blockquote|tg-spoiler|span)\b[^>]*>/i.test(text);
}

/** Telegram's limits: 4096 characters for a message, 1024 for a document's caption. */
export function checkBroadcastText(html: string, withDocument: boolean): Refusal | null {
  const parsed = parseTelegramHtml(html);
  if ("error" in parsed) return { key: "broadcast-html-invalid", args: { detail: parsed.error.replace(/^Can't parse entities: /, "") } };
  const length = [...parsed.text].length;
  if (length === 0) return { key: "broadcast-empty", args: {} };
  const limit = withDocument ? 1024 : 4096;
  if (length > limit) return { key: withDocument ? "broadcast-caption-too-long" : "broadcast-too-long", args: { length, limit } };
  return null;
}
