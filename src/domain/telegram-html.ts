// Telegram's HTML parse mode, as the Bot API documents it: only these tags, entities escaped.
const ALLOWED_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"]);
const TAG = /^<(\/?)([a-zA-Z-]+)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/;
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Parses like Telegram does: returns the visible text, or the error Telegram would answer. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  const open: string[] = [];
  let text = "";
  for (let i = 0; i < html.length; ) {
    const rest = html.slice(i);
    if (rest[0] === "<") {
      const tag = TAG.exec(rest);
      if (!tag) return { error: `Can't parse entities: unexpected < at byte offset ${i}` };
      const [whole, closing, rawName] = tag;
      const name = (rawName ?? "").toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return { error: `Can't parse entities: unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (open.pop() !== name) return { error: `Can't parse entities: can't find end tag corresponding to start tag "${name}"` };
      } else {
        open.push(name);
      }
      i += whole.length;
    } else if (rest[0] === "&") {
      const entity = ENTITY.exec(rest);
      if (!entity) return { error: `Can't parse entities: character entity expected at byte offset ${i}` };
      const value = entity[1] ?? "";
      text += NAMED[value] ?? String.fromCodePoint(Number(value.startsWith("#x") ? `0x${value.slice(2)}` : value.slice(1)));
      i += entity[0].length;
    } else {
      text += rest[0];
      i++;
    }
  }
  if (open.length > 0) return { error: `Can't parse entities: can't find end tag corresponding to start tag "${open.at(-1)}"` };
  return { text };
}
