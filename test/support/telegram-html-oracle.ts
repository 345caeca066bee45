/**
 * What Telegram's HTML parse mode accepts, written for the fake Bot API from the Bot API's
 * "HTML style" section and kept apart from the bot's own reader (src/domain/telegram-html.ts), so
 * that a mistake there cannot make the fake accept what Telegram refuses. Its golden cases are in
 * test/unit/telegram-html-oracle.test.ts.
 */
const TAGS = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

/** The text a user would see, or Telegram's refusal ("Can't parse entities: …"). */
export function telegramRendering(html: string): { text: string } | { refusal: string } {
  const stack: string[] = [];
  let text = "";
  // Tags, entities and plain runs, in order; anything else starting with < or & is refused.
  const pieces = html.match(/<[^<>]*>|&[^;&<>\s]*;?|[^<&]+|[<&]/g) ?? [];
  for (const piece of pieces) {
    if (piece.startsWith("<")) {
      const tag = /^<(\/)?([a-z-]+)(?:\s+[a-z-]+(?:="[^"]*")?)*\s*>$/i.exec(piece);
      if (!tag) return { refusal: `Can't parse entities: unexpected ${JSON.stringify(piece)}` };
      const name = (tag[2] ?? "").toLowerCase();
      if (!TAGS.includes(name)) return { refusal: `Can't parse entities: unsupported start tag "${name}"` };
      if (!tag[1]) stack.push(name);
      else if (stack.pop() !== name) return { refusal: `Can't parse entities: can't find end tag corresponding to start tag "${name}"` };
    } else if (piece.startsWith("&")) {
      const named = ENTITIES[piece];
      const numeric = /^&#(\d+|x[0-9a-f]+);$/i.exec(piece);
      if (named) text += named;
      else if (numeric) text += String.fromCodePoint(Number(numeric[1]?.startsWith("x") || numeric[1]?.startsWith("X") ? `0${numeric[1]}` : numeric[1]));
      else return { refusal: `Can't parse entities: character entity expected, got ${JSON.stringify(piece)}` };
    } else text += piece;
  }
  if (stack.length > 0) return { refusal: `Can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { text };
}
