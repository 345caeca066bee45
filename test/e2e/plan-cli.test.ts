import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, runEntry } from "../support/processes.js";

/** `npm run tdkt -- import plan … --dry-run` prints what the chat's preview shows: duties, meetings, campaign. */
describe("the CLI's plan preview", () => {
  const cli = (...args: string[]) => runEntry("src/cli/index.ts", { args, env: { DATA_DIR: mkdtempSync(path.join(tmpdir(), "tdkt-plan-cli-")) } });
  const fixture = (name: string) => path.join(projectRoot, "test/fixtures", name);

  it("prints the council plan's meetings and its quarterly duty, and saves nothing on --dry-run", async () => {
    const run = await cli("import", "plan", fixture("council-plan-2024-so-ngoai-vu.md"), "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Họp chờ đặt ngày (3): tháng 03/2024, 06/2024, 12/2024 — Tổ chức các phiên họp định kỳ.");
    expect(run.stdout).toContain("Quý 1: 1 nhiệm vụ");
    expect(run.stdout).toContain("1) 1. Thực hiện các phong trào thi đua do UBND tỉnh phát động");
    expect(run.stdout).not.toContain("Đã lưu");
  });

  it("prints a launch plan's campaign, its registration deadline and the command that launches it", async () => {
    const run = await cli("import", "plan", fixture("shapes/launch-plan.md"), "--dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("thời gian thi đua: 20/11/2025 – 30/11/2026.");
    expect(run.stdout).toContain('/launch 31/03/2026 Phát động phong trào thi đua "Chuyển đổi số trong cơ quan hành chính" năm 2026');
    // Guessed parts are marked, and the mark is explained.
    expect(run.stdout).toContain("(hết thời gian thi đua, mặc định) ❓");
    expect(run.stdout).toContain("❓ = kế hoạch không ghi rõ, tôi đoán: hãy kiểm tra.");
  });
});
