import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startWebhookBot } from "../test/support/webhook-process.js";
import { docxBomb, xlsxBomb } from "../test/support/zip-bombs.js";
import { log, round } from "./support.js";

const root = path.resolve(import.meta.dirname, "..");

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
function memoryMb(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024, 0);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/** Runs a CLI command to its end, sampling its peak RSS every 10 ms (the last sample before exit is its peak). */
async function cliPeakMb(dataDir: string, args: string[]): Promise<{ code: number | null; peakMb: number; line: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  let peakMb = 0;
  const sampler = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, memoryMb(child.pid).peak);
    } catch {
      // Gone between two samples.
    }
  }, 10);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearInterval(sampler);
  return { code, peakMb, line: stderr.trim() };
}

/**
 * Zip bombs (a 400 MB document.xml, 300 MB of cell text; honest and lying headers) sent to the
 * bot in webhook mode with the heap settings of docs/operations.md, then to the CLI imports: how much the bot's
 * peak RSS rises (target < 100 MB) and each CLI run's peak (target < 300 MB).
 */
export async function hostileFiles(): Promise<Record<string, unknown>> {
  const [docx, xlsx, lyingDocx, lyingXlsx] = await Promise.all([docxBomb(400), xlsxBomb(300), docxBomb(400, { lie: true }), xlsxBomb(300, { lie: true })]);
  log(`bombs: docx ${round(docx.length / 1024, 0)} KB, xlsx ${round(xlsx.length / 1024, 0)} KB (and lying variants)`);
  const world = await startWebhookBot();
  const pid = world.bot.child.pid;
  const before = memoryMb(pid);
  log(`bot ready: RSS ${before.rss} MB, peak so far ${before.peak} MB`);
  const refusals: string[] = [];
  for (const [name, bytes] of [
    ["ke-hoach.docx", docx],
    ["danh-sach.xlsx", xlsx],
    ["ke-hoach-2.docx", lyingDocx],
    ["danh-sach-2.xlsx", lyingXlsx],
  ] as const) {
    world.secretariat.sendDocument(name, bytes);
    let shown = await world.secretariat.next();
    if (shown.text === "Đang đọc tệp…") shown = await world.secretariat.next();
    refusals.push(shown.text.slice(0, 40));
  }
  const me = await world.secretariat.ask("/me");
  await world.delivered();
  const after = memoryMb(pid);
  const alive = world.bot.child.exitCode === null;
  await world.close();
  log(`bot after the bombs: RSS ${after.rss} MB, peak ${after.peak} MB, still up: ${alive}, /me: ${me.text.split("\n")[0]}`);

  const dataDir = mkdtempSync(path.join(tmpdir(), "tdkt-bench-cli-"));
  const cli: Record<string, unknown> = {};
  for (const [name, bytes, command] of [
    ["plan.docx", docx, "plan"],
    ["roster.xlsx", xlsx, "roster"],
    ["plan-lying.docx", lyingDocx, "plan"],
    ["roster-lying.xlsx", lyingXlsx, "roster"],
  ] as const) {
    const file = path.join(dataDir, name);
    writeFileSync(file, bytes);
    const run = await cliPeakMb(dataDir, ["import", command, file]);
    log(`cli import ${command} ${name}: exit ${run.code}, peak RSS ${run.peakMb} MB: ${run.line}`);
    cli[`cli_${name.replace(/\W/g, "_")}_peak_mb`] = run.peakMb;
    cli[`cli_${name.replace(/\W/g, "_")}_exit`] = run.code;
  }
  return {
    bench: "hostile-files",
    driver: "pglite",
    bot_rss_before_mb: before.rss,
    bot_peak_before_mb: before.peak,
    bot_peak_after_mb: after.peak,
    bot_peak_rise_mb: round(after.peak - Math.max(before.rss, before.peak), 0),
    bot_rise_over_rss_mb: round(after.peak - before.rss, 0),
    limit_rise_mb: 100,
    bot_alive: alive,
    refusals: refusals.length,
    ...cli,
    limit_cli_mb: 300,
  };
}
