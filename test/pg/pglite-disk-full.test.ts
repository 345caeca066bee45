import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, isStorageFull, openDatabase, queryRows } from "../../src/db/client.js";
import { type BotWorld, startBotWorld } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";
import { type TestUser, nextWith } from "../support/fake-telegram.js";

const PEOPLE = 3000;

/**
 * The embedded database on a small file system of its own (a tmpfs this test mounts, as root,
 * like the other machine-level fault tests), filled up while the bot is in use.
 */
describe("PGlite when the disk is full", () => {
  const mountPoint = mkdtempSync(path.join(tmpdir(), "tdkt-full-"));
  const dataDir = path.join(mountPoint, "data");
  const filler = path.join(mountPoint, "filler");
  let database: DatabaseHandle;
  let world: BotWorld;
  let secretary: TestUser;

  const count = async (db: DatabaseHandle, table: string) => (await queryRows<{ n: number }>(db.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;
  const fillDisk = () => {
    try {
      for (;;) appendFileSync(filler, Buffer.alloc(1 << 20));
    } catch (error) {
      expect((error as { code?: string }).code).toBe("ENOSPC");
    }
  };

  beforeAll(async () => {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=120m", "tmpfs", mountPoint], { stdio: "pipe" });
    database = await openDatabase({ dataDir });
    await database.migrate();
    await importRosterText(database.db, "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,S0,Thư Ký,,secretariat");
    await database.db.execute(
      sql`insert into people (staff_code, full_name, unit_id) select 'P' || i, 'Người số ' || i, 1 from generate_series(1, ${PEOPLE}) i`,
    );
    await database.db.execute(
      sql`insert into chat_accounts (platform, external_id, chat_id, person_id) select 'telegram', (900000 + id)::text, (900000 + id)::text, id from people where staff_code <> 'S0'`,
    );
    await linkTelegram(database.db, "S0", 7100);
    world = await startBotWorld(database.db, { at: "2025-01-06T09:00:00+07:00" });
    world.fake.rateLimitPerSecond = 100_000;
    secretary = world.fake.user({ id: 7100, first_name: "Thư" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
    execFileSync("umount", [mountPoint], { stdio: "pipe" });
  });

  it("refuses a write with a clear message, writes nothing half, keeps running, and reopens intact once space is freed", async () => {
    expect((await secretary.ask("/campaign 30/01/2025 Phong trào thi đua năm 2025")).text).toContain("Đã phát động");
    const peopleBefore = (await count(database, "people")) as number;

    // A broadcast to everyone queues one outbox row per person: thousands of rows, when not a byte is left.
    secretary.send("/broadcast");
    await nextWith(secretary, "nội dung thông báo");
    secretary.press(await secretary.ask("Họp tổng kết năm lúc 14:00"), "Không đính kèm");
    secretary.press(await secretary.next(), "Mọi người");
    await nextWith(secretary, "Người nhận sẽ thấy đúng như sau");
    await secretary.next();
    const confirm = await secretary.next();
    fillDisk();
    secretary.press(confirm, confirm.buttons[0]?.text ?? "");
    expect((await nextWith(secretary, "hết chỗ lưu")).text).toBe(
      "Xin lỗi, máy chủ đã hết chỗ lưu dữ liệu nên yêu cầu của bạn chưa được ghi (không có gì bị ghi dở). Quản trị viên đã được báo; vui lòng thử lại sau.",
    );
    // Nothing of the broadcast is half there: no queued copy, no broadcast marked as sending.
    expect(await count(database, "outbox")).toBe(0);
    expect((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from broadcasts where status = 'sending'`))[0]?.n).toBe(0);

    // A large import fails the same way, as one clear reason, and leaves the roster as it was.
    const rows = Array.from({ length: 5000 }, (_, i) => `U${i % 7},Đơn vị ${i % 7},N${i},Người mới ${i},,staff`);
    const failure = await importRosterText(database.db, ["unit_code,unit_name,staff_code,full_name,position,roles", ...rows].join("\n")).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isStorageFull(failure)).toBe(true);
    expect(await count(database, "people")).toBe(peopleBefore);
    // The bot keeps answering, and what it reports shows the failed broadcast left nothing behind.
    expect((await secretary.ask("/campaigns")).text).toBe("Chưa có đợt phát động hay thông báo nào năm 2025.");

    // Space freed, bot stopped, database reopened: everything committed is there, and it writes again.
    rmSync(filler);
    await world.close();
    await database.close();
    database = await openDatabase({ dataDir });
    await database.migrate();
    expect(await count(database, "people")).toBe(peopleBefore);
    expect(await count(database, "campaigns")).toBe(1);
    for (const table of ["units", "chat_accounts", "processed_updates", "audit_log", "conversation_states", "outbox", "broadcasts"]) {
      expect(await count(database, table)).toBeGreaterThanOrEqual(0);
    }
    await importRosterText(database.db, ["unit_code,unit_name,staff_code,full_name,position,roles", ...rows].join("\n"));
    expect(await count(database, "people")).toBe(peopleBefore + 5000);
    world = await startBotWorld(database.db, { at: "2025-01-06T09:00:00+07:00" });
    expect((await world.fake.user({ id: 7100, first_name: "Thư" }).ask("/me")).text).toContain("Thư Ký");
  });
});
