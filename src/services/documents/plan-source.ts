import { docxToHtml } from "./sandboxed-parse.js";
import { decodeTextDocument } from "./text-document.js";

// The longest fixture plan has 185 lines; a text with more than this is not a plan.
const MAX_PLAN_LINES = 20_000;

/**
 * A plan-like document's content, as the plan reader takes it: a .docx (or any zip) as the HTML
 * mammoth makes of it in the sandbox, so its tables stay tables; anything else as UTF-8 text.
 * Work plans and inspection plans are read through this one door.
 */
export async function planSource(bytes: Buffer, fileName: string): Promise<{ kind: "html" | "text"; content: string }> {
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (isZip || /\.docx$/i.test(fileName)) return { kind: "html", content: await docxToHtml(bytes, "plan-docx-invalid") };
  return { kind: "text", content: decodeTextDocument(bytes, { maxLines: MAX_PLAN_LINES, invalidKey: "plan-not-document" }) };
}
