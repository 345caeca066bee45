import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DRIVERS, log, round, scratchPostgres } from "./support.js";

const root = path.resolve(import.meta.dirname, "..");
const READY = "tdkt-bot — trò chuyện thử trên máy";
const TARGET_REOPEN_MS = 1000;
const REOPENS = 5;

/**
 * Start to ready of `npm start` (the bundle it builds, running the console chat, which prints its
 * greeting when ready) on a first run and on a reopened database, the same through tsx for
 * comparison, the process's resident memory once idle, and the parts of a reopen: Node itself,
 * the embedded database opening its directory, and the rest (loading the bundle, migrations check,
 * the chat).
 */
export async function coldStart(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: "cold-start" };
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  const bundle = startArguments();
  for (const driver of DRIVERS) {
    const scratch = driver === "postgres" ? await scratchPostgres() : undefined;
    const env: Record<string, string> = scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: mkdtempSync(path.join(tmpdir(), "tdkt-bench-start-")) };
    const first = await startUntilReady(bundle, env);
    // Single starts vary by a tenth of a second with the machine's other work: the median of five.
    const reopens: { readyMs: number; idleRssMb: number }[] = [];
    for (let run = 0; run < REOPENS; run++) reopens.push(await startUntilReady(bundle, env));
    const reopened = reopens.sort((a, b) => a.readyMs - b.readyMs)[Math.floor(REOPENS / 2)] as { readyMs: number; idleRssMb: number };
    const throughTsx = await startUntilReady(["--import", "tsx", "src/main.ts"], env);
    log(
      `${driver}: first start ${first.readyMs} ms, reopened ${reopened.readyMs} ms (median; ${reopens.map((run) => run.readyMs).join(", ")}) (through tsx ${throughTsx.readyMs} ms), idle RSS ${reopened.idleRssMb} MB`,
    );
    figures[`${driver}_first_ms`] = first.readyMs;
    figures[`${driver}_reopen_ms`] = reopened.readyMs;
    figures[`${driver}_reopen_runs_ms`] = reopens.map((run) => run.readyMs);
    figures[`${driver}_reopen_tsx_ms`] = throughTsx.readyMs;
    figures[`${driver}_idle_rss_mb`] = reopened.idleRssMb;
    if (driver === "pglite") {
      const parts = startupParts(env.DATA_DIR as string);
      log(`  parts of a reopen: node ${parts.nodeMs} ms, PGlite opening the directory ${parts.pgliteOpenMs} ms, migrations check ${parts.migrateMs} ms`);
      figures.pglite_reopen_parts = { ...parts, rest_ms: round(reopened.readyMs - parts.nodeMs - parts.pgliteOpenMs - parts.migrateMs, 0) };
      figures.ratio_to_target = round(reopened.readyMs / TARGET_REOPEN_MS, 2);
    }
    await scratch?.drop();
  }
  figures.target_reopen_ms = TARGET_REOPEN_MS;
  return figures;
}

/** Node's arguments in `npm start` (package.json), run without npm, whose own start is not the bot's. */
function startArguments(): string[] {
  const start = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(" ");
  if (start[0] !== "node") throw new Error(`npm start runs ${start[0]}, not node`);
  return start.slice(1);
}

/** Node's own start, and the embedded database opening a directory and checking its migrations, each in a fresh process. */
function startupParts(dataDir: string): { nodeMs: number; pgliteOpenMs: number; migrateMs: number } {
  const nodeOptions = startArguments().filter((argument) => argument.startsWith("--"));
  const started = performance.now();
  execFileSync(process.execPath, [...nodeOptions, "-e", ""]);
  const nodeMs = round(performance.now() - started, 0);
  const script = `
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const opened = performance.now();
    // As createPglite (src/db/embedded.ts) opens it.
    const client = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)}, startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
    const migrating = performance.now();
    await migrate(drizzle(client), { migrationsFolder: ${JSON.stringify(path.join(root, "migrations"))} });
    const done = performance.now();
    await client.close();
    process.stdout.write(JSON.stringify({ pgliteOpenMs: Math.round(migrating - opened), migrateMs: Math.round(done - migrating) }));`;
  const output = execFileSync(process.execPath, [...nodeOptions, "--input-type=module", "-e", script], { cwd: root }).toString();
  return { nodeMs, ...(JSON.parse(output) as { pgliteOpenMs: number; migrateMs: number }) };
}

async function startUntilReady(args: string[], env: Record<string, string>): Promise<{ readyMs: number; idleRssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
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
