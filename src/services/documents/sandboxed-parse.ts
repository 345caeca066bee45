import path from "node:path";
import { Worker } from "node:worker_threads";
import type { RawRow } from "../../domain/roster.js";
import { UserError } from "../../domain/user-error.js";
import { DamagedZip, inspectZip, unsafe } from "./zip-inspection.js";

export type ParseJob = { kind: "docx-html" | "xlsx-rows"; bytes: Uint8Array };
export type ParseOutcome = { ok: true; value: string | RawRow[] } | { ok: false; reason: string };

/**
 * The heap a parse may use. mammoth needs about 8× a document's XML and exceljs about 12× a
 * sheet's; within ZIP_LIMITS a real file fits, and anything beyond ends the worker, not the bot.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
// mammoth reads a 2 MB plan in about half a second; a file that keeps a parser busy this long is hostile.
const PARSE_TIME_LIMIT_MS = 30_000;

// Beside this module, with its extension: .ts under tsx (tests, the CLI), .mjs in the bundle `npm start` runs.
const extension = path.extname(new URL(import.meta.url).pathname);
const workerUrl = new URL(`./document-worker${extension}`, import.meta.url).href;
// A worker thread does not inherit the tsx loader: under tsx it registers it first.
const boot =
  extension === ".ts"
    ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl)}); });`
    : `import(${JSON.stringify(workerUrl)});`;

/** The HTML of a .docx (tables kept), checked and parsed out of harm's way. */
export async function docxToHtml(bytes: Buffer, invalidKey: string): Promise<string> {
  return (await sandboxedParse({ kind: "docx-html", bytes }, invalidKey)) as string;
}

/** The rows of an .xlsx's first sheet. */
export async function xlsxRows(bytes: Buffer, invalidKey: string): Promise<RawRow[]> {
  return (await sandboxedParse({ kind: "xlsx-rows", bytes }, invalidKey)) as RawRow[];
}

/**
 * Inspects the zip (inspectZip) and then parses it in a worker thread with a heap of its own:
 * a file the parser rejects becomes `invalidKey`, one that exhausts the worker or runs too long
 * becomes "file-unsafe". Either way the bot goes on.
 */
async function sandboxedParse(job: ParseJob, invalidKey: string): Promise<string | RawRow[]> {
  if (job.bytes.subarray(0, 4).toString() !== "PK\u0003\u0004") throw new UserError(invalidKey);
  await inspectZip(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)).catch((error: unknown) => {
    throw error instanceof DamagedZip ? new UserError(invalidKey) : error;
  });
  const outcome = await new Promise<ParseOutcome>((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job, resourceLimits: WORKER_LIMITS });
    const timer = setTimeout(() => {
      reject(unsafe("parse took too long"));
      void worker.terminate();
    }, PARSE_TIME_LIMIT_MS);
    worker.once("message", (message: ParseOutcome) => {
      clearTimeout(timer);
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? unsafe("parser ran out of memory") : error);
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(unsafe(`parser exited with ${code}`));
    });
  });
  if (!outcome.ok) throw new UserError(invalidKey);
  return outcome.value;
}
