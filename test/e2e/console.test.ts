import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { runEntry } from "../support/processes.js";

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), "tdkt-console-"));

describe("the console chat (npm start without a token)", () => {
  it("shows a demo year with content: the help on one screen, this quarter's tasks, registration open, a meeting; then exits 0", async () => {
    const dataDir = freshDataDir();
    const run = await runEntry("src/main.ts", { env: { DATA_DIR: dataDir }, stdin: "/help\n/tasks\n/register\n/meetings\n/me\n" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // The demo member is head, secretariat and council: every group, one line each, and how to learn more.
    const help = run.stdout.slice(run.stdout.indexOf("Các lệnh bạn dùng được")).split("\n").slice(0, 8);
    expect(help).toEqual([
      "Các lệnh bạn dùng được",
      "Việc của bạn: /start /help /me /register /myregs /initiative /vote /inspections /notify /lang /privacy",
      "Đơn vị: /tasks /note /submit /approve /review /unlinked /export",
      "Hội đồng, kết quả: /meetings /candidates /ballot /report /campaigns /initiatives",
      "Thiết lập: /roster /role /team /discipline /invite /plan /inspectionplan /holidays /rule",
      "Phát động, nhắc việc, lịch: /launch /campaign /extend /broadcast /reports /meeting /visit /status /agencies /cluster /upreport /received",
      "",
      "Gõ /help tên_lệnh để xem cách dùng, ví dụ /help register.",
    ]);
    // The demo year: the office's task of this quarter, an open campaign, the council's meeting.
    expect(run.stdout).toContain("Tổng hợp đăng ký danh hiệu thi đua của các đơn vị — chủ trì");
    expect(run.stdout).toContain("Chọn danh hiệu bạn đăng ký:");
    expect(run.stdout).toContain("Phòng họp tầng 2: Họp Hội đồng Thi đua - Khen thưởng");
    expect(run.stdout).toContain("Trần Thị Thu Hà\nChức vụ: Chánh Văn phòng\nĐơn vị: Văn phòng Sở");

    // A second run reopens the same directory and finds the demo agency as it left it. Its
    // options are chosen as on Zalo: "số 2", a number not on the list (asked again), the label without accents.
    const again = await runEntry("src/main.ts", { env: { DATA_DIR: dataDir }, stdin: "/lang\nsố 2\n/lang\n7\ntieng viet\n" });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      "Chọn ngôn ngữ:\n\n1. Tiếng Việt\n2. English\nTrả lời bằng số thứ tự (ví dụ: 1) hoặc gõ tên lựa chọn.\nSwitched to English.",
    );
    expect(again.stdout).toContain("There is no such option. Reply with the number in front of an option, from 1 to 2.\nĐã chuyển sang Tiếng Việt.");
  });

  it("refuses a second process on the same embedded database directory", async () => {
    const dataDir = freshDataDir();
    const holder = await openDatabase({ dataDir });
    try {
      const second = await runEntry("src/cli/index.ts", { args: ["migrate"], env: { DATA_DIR: dataDir } });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(
        `Thư mục dữ liệu ${dataDir} đang được một tiến trình tdkt-bot khác dùng (pid ${process.pid}). Hãy dừng tiến trình đó, hoặc đặt DATABASE_URL để nhiều tiến trình dùng chung một máy chủ Postgres.`,
      );
    } finally {
      await holder.close();
    }
    const afterwards = await runEntry("src/cli/index.ts", { args: ["migrate"], env: { DATA_DIR: dataDir } });
    expect(afterwards.code).toBe(0);
  });

  it("backs up the embedded database and restores it into an empty directory, never over data", async () => {
    const dataDir = freshDataDir();
    await runEntry("src/cli/index.ts", { args: ["seed", "demo"], env: { DATA_DIR: dataDir } });
    const file = path.join(freshDataDir(), "backup.tar.gz");
    expect((await runEntry("src/cli/index.ts", { args: ["backup", file], env: { DATA_DIR: dataDir } })).code).toBe(0);
    const restored = path.join(freshDataDir(), "restored");
    expect((await runEntry("src/cli/index.ts", { args: ["restore", file], env: { DATA_DIR: restored } })).code).toBe(0);
    const run = await runEntry("src/main.ts", { env: { DATA_DIR: restored }, stdin: "/me\n" });
    expect(run.stdout).toContain("Trần Thị Thu Hà\nChức vụ: Chánh Văn phòng");
    const again = await runEntry("src/cli/index.ts", { args: ["restore", file], env: { DATA_DIR: restored } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("đã có dữ liệu");
  });

  it("stops with one line naming a bad variable", async () => {
    const run = await runEntry("src/main.ts", { env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://x.vn/tg", DATA_DIR: freshDataDir() } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("Configuration error: WEBHOOK_SECRET is required");
  });
});
