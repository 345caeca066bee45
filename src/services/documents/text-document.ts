import { UserError } from "../../domain/user-error.js";
import { unsafe } from "./zip-inspection.js";

/**
 * A text upload (CSV, TSV, markdown) as a string: strict UTF-8 without NUL bytes, the BOM
 * dropped, and no more lines than such a document can have — a file of a million empty lines
 * would otherwise cost a parser far more than its size suggests.
 */
export function decodeTextDocument(bytes: Uint8Array, options: { maxLines: number; invalidKey: string }): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(options.invalidKey);
  }
  if (text.includes("\u0000")) throw new UserError(options.invalidKey);
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
    if (++lines > options.maxLines) throw unsafe(`more than ${options.maxLines} lines`);
  }
  return text.replace(/^\uFEFF/, "");
}
