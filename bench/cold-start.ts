import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DRIVERS, log, round, scratchPostgres } from "./support.js";

const root = path.resolve(import.meta.dirname, "..");
const READY = "tdkt-bot — trò chuyện thử trên máy";

/**
 * Start to ready of `npm start` (the console chat, which prints its greeting when ready) on a
 * first run and on a reopened database, and the process's resident memory once idle.
 */
export async function coldStart(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: "cold-start" };
  for (const driver of DRIVERS) {
    const scratch = driver === "postgres" ? await scratchPostgres() : undefined;
    const env: Record<string, string> = scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: mkdtempSync(path.join(tmpdir(), "tdkt-bench-start-")) };
    const first = await startUntilReady(env);
    const reopened = await startUntilReady(env);
    await scratch?.drop();
    log(`${driver}: first start ${first.readyMs} ms, reopened ${reopened.readyMs} ms, idle RSS ${reopened.idleRssMb} MB`);
    figures[`${driver}_first_ms`] = first.readyMs;
    figures[`${driver}_reopen_ms`] = reopened.readyMs;
    figures[`${driver}_idle_rss_mb`] = reopened.idleRssMb;
  }
  figures.target_reopen_ms = 1000;
  return figures;
}

async function startUntilReady(env: Record<string, string>): Promise<{ readyMs: number; idleRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  const readyMs = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes(READY)) resolve(round(performance.now() - started, 0));
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before ready`)));
  });
  // Let start-up garbage settle before reading the idle footprint (a benchmark may wait).
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const idleRssMb = round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 0);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stdin.end();
  await exited;
  return { readyMs, idleRssMb };
}
