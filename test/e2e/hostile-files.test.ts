import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEntry } from "../support/processes.js";
import { startWebhookBot } from "../support/webhook-process.js";
import { docxBomb, xlsxBomb } from "../support/zip-bombs.js";

const REFUSAL = "Tệp quá lớn hoặc hỏng nên không mở được";

/** Zip bombs sent to the running bot (webhook mode, production heap) and to the CLI imports. */
describe("hostile files", () => {
  let world: Awaited<ReturnType<typeof startWebhookBot>>;
  let docx: Buffer;
  let xlsx: Buffer;

  beforeAll(async () => {
    [world, docx, xlsx] = await Promise.all([startWebhookBot(), docxBomb(400), xlsxBomb(300)]);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("refuses a 400 MB .docx bomb and a 300 MB .xlsx bomb in chat, stays up, answers /me, and confirms both updates", async () => {
    const { secretariat, bot, statuses } = world;
    secretariat.sendDocument("ke-hoach-2025.docx", docx);
    expect((await secretariat.next()).text).toContain(REFUSAL);
    secretariat.sendDocument("danh-sach-can-bo.xlsx", xlsx);
    expect((await secretariat.next()).text).toBe("Đang đọc tệp…");
    expect((await secretariat.next()).text).toContain(REFUSAL);
    expect((await secretariat.ask("/me")).text).toContain("Trần Thị Thu Hà");
    await world.delivered();
    expect(bot.child.exitCode).toBeNull();
    // Every delivery was answered 200: Telegram has nothing to deliver again.
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(world.fake.violations).toEqual([]);
  });

  it("makes the CLI imports of the same files exit 1 with one line", async () => {
    // The running bot holds its embedded database; the CLI gets one of its own.
    const dataDir = mkdtempSync(path.join(tmpdir(), "tdkt-cli-"));
    const docxFile = path.join(dataDir, "bomb.docx");
    const xlsxFile = path.join(dataDir, "bomb.xlsx");
    writeFileSync(docxFile, docx);
    writeFileSync(xlsxFile, xlsx);
    const cli = (...args: string[]) => runEntry("src/cli/index.ts", { args, env: { DATA_DIR: dataDir } });
    for (const run of [await cli("import", "plan", docxFile), await cli("import", "roster", xlsxFile), await cli("import", "inspection", docxFile)]) {
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining(REFUSAL)]);
    }
  });
});
