import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people } from "../../src/db/schema.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type BotWorld, startBotWorld } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

const SECRETARIAT = "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,VP1,Trần Văn Phòng,Chánh Văn phòng,head;secretariat\n";
// Two new people, the secretariat member again, and a row without a name.
const UPLOAD = `${SECRETARIAT}NV1,Phòng Nghiệp vụ 1,NV11,Lê Một,Chuyên viên,staff\nNV1,Phòng Nghiệp vụ 1,NV12,Lê Hai,Trưởng phòng,head\nNV1,Phòng Nghiệp vụ 1,NV13,,Chuyên viên,staff\n`;

describe.each(DATABASE_KINDS)("the roster sent in chat (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: BotWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startBotWorld(database.db, { at: "2025-01-06T09:00:00+07:00" });
    await importRosterText(database.db, SECRETARIAT);
    await linkTelegram(database.db, "VP1", 8201);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.fake.violations).toEqual([]));

  it("previews new, known and rejected rows and imports only on confirmation", async () => {
    const secretary = world.fake.user({ id: 8201, first_name: "Phòng" });
    secretary.sendDocument("danh-sach.csv", Buffer.from(UPLOAD));
    expect((await secretary.next()).text).toBe("Đang đọc tệp…");
    const preview = await secretary.next();
    expect(preview.text).toContain("Tệp danh-sach.csv: 2 người mới, 1 người đã có (sẽ cập nhật), 1 dòng bị loại.");
    expect(preview.text).toContain("Dòng 5: thiếu họ và tên");
    expect(await database.db.select().from(people).where(eq(people.staffCode, "NV11"))).toEqual([]);
    secretary.press(preview, "✅ Nhập danh sách");
    expect((await secretary.next()).text).toContain("Danh sách cán bộ: 2 tạo mới");
    expect((await database.db.select({ name: people.fullName }).from(people).where(eq(people.staffCode, "NV12")))[0]?.name).toBe("Lê Hai");
    // A second press of the same button finds the preview already used.
    secretary.press(preview, "✅ Nhập danh sách");
    expect((await secretary.next()).text).toContain("đã hết hiệu lực");
  });

  it("reads the file from disk when Telegram is a local Bot API server (getFile names an absolute path)", async () => {
    world.fake.localFilesDirectory = mkdtempSync(path.join(tmpdir(), "tdkt-local-bot-api-"));
    try {
      const secretary = world.fake.user({ id: 8201, first_name: "Phòng" });
      secretary.sendDocument("danh-sach-2.csv", Buffer.from(`${SECRETARIAT}NV2,Phòng Nghiệp vụ 2,NV21,Hà Ba,Chuyên viên,staff\n`));
      expect((await secretary.next()).text).toBe("Đang đọc tệp…");
      expect((await secretary.next()).text).toContain("Tệp danh-sach-2.csv: 1 người mới");
    } finally {
      world.fake.localFilesDirectory = undefined;
    }
  });
});
