import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/client.js";
import { cliActor } from "../src/services/audit.js";
import { importRoster } from "../src/services/roster/import.js";
import { readCsv } from "../src/services/roster/file.js";
import { runEntry } from "../test/support/processes.js";
import { DRIVERS, log, round, scratchPostgres } from "./support.js";

const PEOPLE = 10_000;
const TARGET_MS = 10_000;

/**
 * `npm run tdkt -- invite --all --out invites.xlsx` for 10,000 people not linked yet, timed from
 * spawn to exit as a secretariat member runs it (target < 10 s), then again (every code reused).
 */
export async function invites(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: "invites", people: PEOPLE, target_ms: TARGET_MS };
  const lines = ["Mã đơn vị,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ"];
  for (let i = 0; i < PEOPLE; i++) lines.push(`P${i % 50},Phòng số ${i % 50},CB${String(i).padStart(6, "0")},Nguyễn Văn Số ${i},Chuyên viên`);
  const rows = readCsv(Buffer.from(lines.join("\n")));
  for (const driver of DRIVERS) {
    const dir = mkdtempSync(path.join(tmpdir(), "tdkt-bench-invites-"));
    const scratch = driver === "postgres" ? await scratchPostgres() : undefined;
    const env = scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: path.join(dir, "data") };
    const database = await openDatabase(scratch ? { databaseUrl: scratch.url } : { dataDir: env.DATA_DIR as string });
    await database.migrate();
    await importRoster(database.db, rows, { clock: () => new Date(), actor: cliActor, source: "bench" });
    await database.close();
    for (const round_ of ["first", "again"] as const) {
      const out = path.join(dir, `invites-${round_}.xlsx`);
      const started = performance.now();
      const run = await runEntry("src/cli/index.ts", { args: ["invite", "--all", "--out", out], env });
      const ms = performance.now() - started;
      if (run.code !== 0 || !existsSync(out)) throw new Error(`invite --all failed: ${run.stderr || run.stdout}`);
      log(`${driver}: invite --all (${round_}) ${round(ms, 0)} ms, ${round(statSync(out).size / 1024, 0)} KiB — ${run.stdout.trim()}`);
      figures[`${driver}_${round_}_ms`] = round(ms, 0);
      figures[`${driver}_${round_}_ratio_to_target`] = round(ms / TARGET_MS, 2);
    }
    await scratch?.drop();
  }
  return figures;
}
