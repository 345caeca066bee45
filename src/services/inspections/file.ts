import { planSource } from "../documents/plan-source.js";

/**
 * The source of an inspection plan, kept while the secretariat confirms and read again then (a
 * .docx as mammoth's HTML, so its tables stay tables; see documents/plan-source.ts).
 */
export async function inspectionText(bytes: Buffer, fileName: string): Promise<string> {
  return (await planSource(bytes, fileName)).content;
}
