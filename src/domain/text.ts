/** Escapes a user-supplied string for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: four replacements would copy each one four times.
  if (!/[&<>"]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A message's arguments made safe to place in its HTML: strings escaped, numbers as they are. */
export function escapeArgs<Args extends Record<string, unknown>>(args: Args): Args {
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, typeof value === "string" ? escapeHtml(value) : value])) as Args;
}

/** Turns Telegram HTML into plain text, for platforms that show markup literally. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<a\s+href="([^"]*)"[^>]*>(.*?)<\/a>/gis, (_, href: string, label: string) => (label === href ? label : `${label} (${href})`))
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/** Lower case, no Vietnamese diacritics, single spaces: for matching what people type. */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();
}

/** NFC and trimmed, with runs of white space folded: how names are stored. */
export function normalizeName(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}
