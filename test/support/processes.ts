import { spawn } from "node:child_process";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

export type Finished = { code: number | null; stdout: string; stderr: string };

/** The TypeScript entry points (through tsx), or the bundle `npm start` and the image run (the test run builds it first). */
type Entry = "src/main.ts" | "src/cli/index.ts" | "dist/bundle/main.mjs";
type EntryOptions = { args?: string[]; env?: NodeJS.ProcessEnv; stdin?: string };

/** Runs one of the project's entry points as a user would, feeding stdin and waiting for exit. */
export function runEntry(entry: Entry, options: EntryOptions): Promise<Finished> {
  return startEntry(entry, options).finished;
}

/** Starts an entry point that keeps running (a bot), to be stopped with a signal. */
export function startEntry(entry: Entry, options: EntryOptions): { child: ReturnType<typeof spawn>; finished: Promise<Finished> } {
  const loader = entry.endsWith(".ts") ? ["--import", "tsx"] : [];
  const child = spawn(process.execPath, [...loader, entry, ...(options.args ?? [])], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.end(options.stdin ?? "");
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, finished };
}
