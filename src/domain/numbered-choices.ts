import { foldForMatching } from "./text.js";

/**
 * Buttons for a platform that has none (the Zalo Bot Platform, the console): the options are
 * listed under the text, each after its key, and the reply picks one by its key, by "số N" or by
 * its label typed with or without accents.
 *
 * The key is the number the person reads. An option that acts on a numbered item of the message
 * (its label ends with the item's number: «✓ Duyệt 4», «Đổi 12») is keyed by that number, so
 * that typing 4 acts on line 4 of the text; when one item has several such options they are
 * 4a, 4b… in their order. Every other option is numbered after the largest item number.
 */

/** A button as a platform without buttons offers it: a label, and the data pressing it sends. */
export type PendingChoice = { label: string; data: string };
/** An option as offered in a chat: what is typed to choose it, and the message that showed it. */
export type OfferedChoice = PendingChoice & { key: string; messageId: number };

const ITEM_NUMBER = /\s(\d{1,3})$/;

function itemNumberOf(label: string): number | undefined {
  const number = Number(ITEM_NUMBER.exec(label.trim())?.[1] ?? Number.NaN);
  return number >= 1 ? number : undefined;
}

function numberOfKey(key: string): number {
  return Number.parseInt(key, 10) || 0;
}

/**
 * The keys of options shown together. `taken` are the keys of options still answerable in the
 * chat (a notification's options are added to a conversation's): new keys never repeat them.
 */
export function keyChoices(labels: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken);
  const items = labels.map(itemNumberOf);
  const perItem = new Map<number, number>();
  for (const item of items) if (item !== undefined) perItem.set(item, (perItem.get(item) ?? 0) + 1);
  const itemKeys = new Map<number, string[]>();
  for (const [item, count] of perItem) {
    const keys = count === 1 ? [String(item)] : Array.from({ length: count }, (_, index) => `${item}${String.fromCharCode(97 + (index % 26))}`);
    // An item whose keys are taken already, or repeated more than letters go, is keyed as any option.
    if (count <= 26 && keys.every((key) => !used.has(key) && !used.has(String(item)))) itemKeys.set(item, keys);
  }
  let next = Math.max(0, ...taken.map(numberOfKey), ...[...itemKeys.keys()]) + 1;
  return items.map((item) => {
    const keys = item === undefined ? undefined : itemKeys.get(item);
    return keys?.shift() ?? String(next++);
  });
}

/** The list shown under a message, ending with how to answer. */
export function renderNumberedChoices(choices: readonly { key: string; label: string }[], hint: string): string {
  return [...choices.map((choice) => `${choice.key}. ${choice.label}`), hint].join("\n");
}

export type ChoiceReply =
  | { kind: "chosen"; index: number }
  /** A number that names several options (4a, 4b): the person is asked which. */
  | { kind: "ambiguous"; keys: string[] }
  /** A key that is not on offer: the user meant to choose, so they are asked again. */
  | { kind: "out-of-range"; first: string; last: string };

const KEY_REPLY = /^(?:so|s|#)?\s*(\d{1,4})\s*([a-z])?\s*[.)]?$/;

/**
 * What a reply means for the options on offer (oldest first); undefined when it is not a choice
 * at all. A label typed that several options carry picks the newest of them.
 */
export function matchChoiceReply(reply: string, offered: readonly { key: string; label: string }[]): ChoiceReply | undefined {
  if (offered.length === 0) return undefined;
  const folded = foldForMatching(reply);
  const typed = KEY_REPLY.exec(folded);
  if (typed) {
    const key = `${Number(typed[1])}${typed[2] ?? ""}`;
    const index = offered.findIndex((choice) => choice.key === key);
    if (index >= 0) return { kind: "chosen", index };
    const lettered = typed[2]
      ? []
      : offered.filter((choice) => choice.key !== key && numberOfKey(choice.key) === Number(typed[1]) && /[a-z]$/.test(choice.key));
    if (lettered.length > 0) return { kind: "ambiguous", keys: lettered.map((choice) => choice.key) };
    return { kind: "out-of-range", first: (offered[0] as { key: string }).key, last: (offered.at(-1) as { key: string }).key };
  }
  const wanted = labelKey(reply);
  if (!wanted) return undefined;
  for (let index = offered.length - 1; index >= 0; index--) {
    if (labelKey((offered[index] as { label: string }).label) === wanted) return { kind: "chosen", index };
  }
  return undefined;
}

/** A label as people type it: no accents, no emoji or punctuation, single spaces. */
function labelKey(text: string): string {
  return foldForMatching(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Cuts a long text into ordered parts of at most `limit` characters, at paragraph breaks where
 * possible, then at line breaks, then between words; a part is never empty.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while ([...rest].length > limit) {
    const window = [...rest].slice(0, limit + 1).join("");
    const cut =
      lastBreak(window, "\n\n", limit) ?? lastBreak(window, "\n", limit) ?? lastBreak(window, " ", limit) ?? [...rest].slice(0, limit).join("").length;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** The last break in the window that leaves a non-trivial first part (a quarter of the limit at least). */
function lastBreak(window: string, separator: string, limit: number): number | undefined {
  const at = window.lastIndexOf(separator);
  return at >= limit / 4 ? at : undefined;
}
