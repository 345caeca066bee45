import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../src/db/schema/index.js";
import { DATABASE_KINDS, type DatabaseKind } from "../support/databases.js";
import { PLATFORMS, type TestPlatform } from "../support/chat-world.js";
import { nextWith } from "../support/fake-telegram.js";
import type { BotWorld } from "../support/harness.js";
import { worldWith } from "../support/world-setup.js";

const SECRETARIAT = "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,VP1,Trần Văn Phòng,Chánh Văn phòng,head;secretariat\n";
// Two new people, the secretariat member again, and a row without a name.
const UPLOAD = `${SECRETARIAT}NV1,Phòng Nghiệp vụ 1,NV11,Lê Một,Chuyên viên,staff\nNV1,Phòng Nghiệp vụ 1,NV12,Lê Hai,Trưởng phòng,head\nNV1,Phòng Nghiệp vụ 1,NV13,,Chuyên viên,staff\n`;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("the roster sent in chat on $platform ($kind)", ({ platform, kind }) => {
  const setup = secretariatWorld(platform, kind);

  it("previews new, known and rejected rows and imports only on confirmation", async () => {
    const secretary = setup.world.user({ id: 8201, first_name: "Phòng" });
    await secretary.sendFile("/roster", "danh-sach.csv", Buffer.from(UPLOAD));
    expect((await nextWith(secretary, "Đang đọc")).text).toBe("Đang đọc tệp…");
    const preview = await secretary.next();
    expect(preview.text).toContain(
      "Tệp danh-sach.csv (dòng tiêu đề: dòng 1): 2 người mới, 1 người đã có, trong đó 0 người chuyển đơn vị; 0 người đang có trong hệ thống không còn trong tệp; 1 dòng bị loại.",
    );
    expect(preview.text).toContain("Dòng 5: thiếu họ và tên");
    expect(await setup.database.db.select().from(people).where(eq(people.staffCode, "NV11"))).toEqual([]);
    secretary.press(preview, "✅ Nhập danh sách");
    expect((await secretary.next()).text).toContain("Danh sách cán bộ: 2 tạo mới");
    expect((await setup.database.db.select({ name: people.fullName }).from(people).where(eq(people.staffCode, "NV12")))[0]?.name).toBe("Lê Hai");
    // A second press of the same button finds the preview already used (on Zalo its number is no longer offered).
    if (setup.world.telegram) {
      secretary.press(preview, "✅ Nhập danh sách");
      expect((await secretary.next()).text).toContain("đã hết hiệu lực");
    }
  });
});

describe.each(DATABASE_KINDS)("the upload page on Zalo (%s)", (kind) => {
  const setup = secretariatWorld("zalo", kind);

  it("refuses an upload link that was tampered with or has expired, and a file over the limit", async () => {
    const secretary = setup.world.user({ id: 8201, first_name: "Phòng" });
    secretary.send("/roster");
    let link: string | undefined;
    while (!link) link = /https?:\/\/\S+\/uploads\/\S+/.exec((await secretary.next()).text)?.[0];
    // The signature covers the chat account and the expiry: another account's number is refused.
    const forged = link.replace(/\/uploads\/\d+\./, "/uploads/999.");
    expect((await fetch(forged)).status).toBe(404);
    const tooLarge = new FormData();
    tooLarge.append("file", new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), "lon.csv");
    const refused = await fetch(link, { method: "POST", body: tooLarge });
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("lớn hơn 10 MB");
    setup.world.clock.advance(61 * 60 * 1000);
    expect((await fetch(link)).status).toBe(404);
    expect(setup.world.unread(8201)).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)("files from a local Bot API server on Telegram (%s)", (kind) => {
  const setup = secretariatWorld("telegram", kind);

  it("reads the file from disk when Telegram is a local Bot API server (getFile names an absolute path)", async () => {
    const telegram = (setup.world.telegram as BotWorld).fake;
    telegram.localFilesDirectory = mkdtempSync(path.join(tmpdir(), "tdkt-local-bot-api-"));
    try {
      const secretary = telegram.user({ id: 8201, first_name: "Phòng" });
      secretary.sendDocument("danh-sach-2.csv", Buffer.from(`${SECRETARIAT}NV2,Phòng Nghiệp vụ 2,NV21,Hà Ba,Chuyên viên,staff\n`));
      expect((await secretary.next()).text).toBe("Đang đọc tệp…");
      expect((await secretary.next()).text).toContain("Tệp danh-sach-2.csv (dòng tiêu đề: dòng 1): 1 người mới");
    } finally {
      telegram.localFilesDirectory = undefined;
    }
  });
});

/**
 * A world in webhook mode (on Zalo, files come through the upload page of the bot's own server)
 * with the secretariat member linked in chat 8201, for the tests of the describe it is called in.
 */
function secretariatWorld(platform: TestPlatform, kind: DatabaseKind) {
  return worldWith(platform, kind, { roster: SECRETARIAT, links: { VP1: 8201 }, at: "2025-01-06T09:00:00+07:00", mode: "webhook" });
}
