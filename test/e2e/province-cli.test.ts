import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEntry } from "../support/processes.js";

/** The province's administrator adds an agency, a process with AGENCY_ID imports its staff, and the report puts the agencies side by side. */
describe("agencies of one database, from the CLI", () => {
  it("adds an agency, keeps its staff apart and reports both agencies", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tdkt-province-cli-"));
    const cli = (args: string[], env: Record<string, string> = {}) => runEntry("src/cli/index.ts", { args, env: { DATA_DIR: dataDir, ...env } });
    const added = await cli(["agency", "add", "snv", "Sở", "Nội", "vụ"]);
    expect(added.stdout.trim()).toBe("Đã thêm cơ quan SNV — Sở Nội vụ: chạy bot của cơ quan này với AGENCY_ID=2.");
    expect((await cli(["agency", "add", "SNV", "Lần", "hai"])).stderr).toContain("Đã có cơ quan mã SNV.");

    const roster = path.join(dataDir, "can-bo.csv");
    writeFileSync(
      roster,
      "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,S1,Lê Văn Một,,secretariat\nVP,Văn phòng,S2,Lê Văn Hai,,staff\n",
    );
    expect((await cli(["import", "roster", roster], { AGENCY_ID: "2" })).code).toBe(0);

    expect((await cli(["agency", "list"])).stdout.trim().split("\n")).toEqual([
      "1  DEFAULT  Cơ quan — 0 cán bộ đang làm việc",
      "2  SNV  Sở Nội vụ — 2 cán bộ đang làm việc",
    ]);
    const report = await cli(["province", "report", "--year", "2026"]);
    expect(report.stdout.trim().split("\n")).toEqual([
      "Các cơ quan, năm 2026: cán bộ | đăng ký | đã duyệt | đề nghị cấp trên | được khen | phần việc quá hạn",
      "DEFAULT  Cơ quan: 0 | 0 | 0 | 0 | 0 | 0",
      "SNV  Sở Nội vụ: 2 | 0 | 0 | 0 | 0 | 0",
    ]);
  });
});
