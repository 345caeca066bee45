import { spawn } from "node:child_process";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

export type Finished = { code: number | null; stdout: string; stderr: string };

/** Runs one of the project's entry points as a user would, feeding stdin and waiting for exit. */
export function runEntry(entry: "src/main.ts" | "src/cli/index.ts", options: { args?: string[]; env?: NodeJS.ProcessEnv; stdin?: string }): Promise<Finished> {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...(options.args ?? [])], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
