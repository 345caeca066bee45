import { foldForMatching } from "./text.js";

/**
 * Buttons for a platform that has none (Zalo): the options are listed with numbers under the
 * text, and the reply picks one by number, by "số N" or by its label typed with or without accents.
 */

/** The numbered list shown under a message, ending with how to answer. */
export function renderNumberedChoices(labels: readonly string[], hint: string): string {
  return [...labels.map((label, index) => `${index + 1}. ${label}`), hint].join("\n");
}

export type ChoiceReply =
  | { kind: "chosen"; index: number }
  /** A number that is not on the list: the user meant to choose, so they are asked again. */
  | { kind: "out-of-range"; count: number };

const NUMBER_REPLY = /^(?:so|s|#)?\s*(\d{1,4})\s*[.)]?$/;

/** What a reply means for the options on offer; undefined when it is not a choice at all. */
export function matchChoiceReply(reply: string, labels: readonly string[]): ChoiceReply | undefined {
  if (labels.length === 0) return undefined;
  const folded = foldForMatching(reply);
  const number = NUMBER_REPLY.exec(folded)?.[1];
  if (number !== undefined) {
    const index = Number(number) - 1;
    return index >= 0 && index < labels.length ? { kind: "chosen", index } : { kind: "out-of-range", count: labels.length };
  }
  const wanted = labelKey(reply);
  if (!wanted) return undefined;
  const matches = labels.flatMap((label, index) => (labelKey(label) === wanted ? [index] : []));
  // Two options with the same folded label cannot be told apart by typing it.
  return matches.length === 1 ? { kind: "chosen", index: matches[0] as number } : undefined;
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

/** A button as a platform without buttons offers it: a label, and the data pressing it sends. */
export type PendingChoice = { label: string; data: string };
