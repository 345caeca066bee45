import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { PLATFORMS } from "../support/chat-world.js";
import { worldWith } from "../support/world-setup.js";
import { agreeToPrivacy } from "../support/consent.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { nextFile } from "../support/received-files.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký Văn Phòng,Chuyên viên,staff;secretariat
NV1,Phòng Nghiệp vụ 1,P3,Trần Văn Ba,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,P1,Lê Thị Một,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,P2,Phạm Hai,Trưởng phòng,head
NV1,Phòng Nghiệp vụ 1,L1,Đã Liên Kết,Chuyên viên,staff
NV2,Phòng Nghiệp vụ 2,Q1,Người Khác Đơn Vị,Chuyên viên,staff
`;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

type SheetRow = { name: string; unit: string; staffCode: string; code: string; telegram: string; zalo: string };

async function sheetRows(bytes: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet?.eachRow((row, number) => {
    // The form's heading takes rows 1–6 and the column headers row 7.
    if (number <= 7) return;
    const cell = (index: number) => String(row.getCell(index).value ?? "");
    rows.push({ name: cell(2), unit: cell(3), staffCode: cell(4), code: cell(5), telegram: cell(7), zalo: cell(8) });
  });
  return rows;
}

describe.each(CASES)("invite sheets in chat on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: { S1: 8401, L1: 8402 }, at: "2026-01-12T09:00:00+07:00", mode: "webhook" });

  it("sends a unit's list and slips; every code links exactly its person; printing again keeps the codes handed out", async () => {
    const { world } = setup;
    const secretary = world.user({ id: 8401, first_name: "Thư" });
    secretary.send("/invite NV1");
    const list = await nextFile(world, secretary, /^ma-moi-NV1-2026-01-12\.xlsx$/);
    expect(list.shown.text).toContain("Danh sách 3 mã mời (3 mã mới, 0 mã đã phát vẫn còn hạn, 0 mã cũ đã hủy); hạn dùng đến 26/01/2026.");
    const rows = await sheetRows(list.bytes);
    // Only the unit's people not linked yet, by name.
    expect(rows.map((row) => [row.name, row.unit, row.staffCode])).toEqual([
      ["Lê Thị Một", "Phòng Nghiệp vụ 1", "P1"],
      ["Phạm Hai", "Phòng Nghiệp vụ 1", "P2"],
      ["Trần Văn Ba", "Phòng Nghiệp vụ 1", "P3"],
    ]);
    for (const row of rows) {
      expect(row.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
      if (platform === "telegram") {
        expect(row.telegram).toBe(`Telegram: quét mã QR hoặc mở https://t.me/tdkt_test_bot?start=${row.code}`);
      } else {
        expect(row.telegram).toBe(`Telegram: mở bot của cơ quan và gửi /start ${row.code}`);
        // The Bot Platform's bot has a name to search for; an OA is found from the agency's own page.
        expect(row.zalo).toBe(platform === "zalo" ? `Zalo: tìm «bot.tdkt», nhắn mã ${row.code}` : `Zalo: mở bot của cơ quan trên Zalo, nhắn mã ${row.code}`);
      }
    }
    if (platform === "zalo") {
      // The sheet's link gave its codes once: opened again (forwarded, say), it gives nothing.
      const link = /📎 Tải tệp \S+ tại: (\S+)/.exec(list.shown.text)?.[1] ?? "";
      const again = await fetch(link, { method: "POST" });
      expect(again.status).toBe(410);
      expect(await again.text()).not.toContain(rows[0]?.code ?? "no code");
    }
    const slips = await nextFile(world, secretary, /^ma-moi-NV1-2026-01-12\.docx$/);
    const docx = await JSZip.loadAsync(slips.bytes);
    const body = (await docx.file("word/document.xml")?.async("string")) ?? "";
    for (const row of rows) {
      expect(body).toContain(row.name);
      expect(body).toContain(row.code);
    }
    expect(Object.keys(docx.files).filter((name) => /^word\/media\/.+\.png$/.test(name))).toHaveLength(3);

    // The sheet printed again the next day carries the same codes: the slips handed out still work.
    world.clock.advance(86_400_000);
    secretary.send("/invite NV1");
    const again = await nextFile(world, secretary, /\.xlsx$/);
    expect(again.shown.text).toContain("Danh sách 3 mã mời (0 mã mới, 3 mã đã phát vẫn còn hạn, 0 mã cũ đã hủy)");
    expect((await sheetRows(again.bytes)).map((row) => row.code)).toEqual(rows.map((row) => row.code));
    await nextFile(world, secretary, /\.docx$/);

    for (const [index, row] of rows.entries()) {
      const person = world.user({ id: 8410 + index, first_name: row.name });
      const linked = await agreeToPrivacy(person, await person.ask(row.code));
      expect(linked.text).toContain(`Đã liên kết tài khoản với ${row.name}.`);
      expect((await person.ask("/me")).text.split("\n")[0]).toBe(row.name);
    }
    // Everyone in the unit is linked now: nothing more to print.
    secretary.send("/invite NV1");
    expect((await nextWith(secretary, "Không có ai")).text).toBe("Không có ai cần mã mời: mọi người trong phạm vi này đã liên kết tài khoản.");
  });
});

const UNIT_ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
NV1,Phòng Nghiệp vụ 1,H1,Trưởng Một,Trưởng phòng,head
NV1,Phòng Nghiệp vụ 1,A1,Lê An,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,B1,Trần Bình,Chuyên viên,staff
NV2,Phòng Nghiệp vụ 2,H2,Trưởng Hai,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,C2,Phạm Cúc,Chuyên viên,staff
`;

describe.each(CASES)("heads hear who has not linked on $platform ($kind)", ({ platform, kind }) => {
  // Monday 12/01/2026, in office hours.
  const setup = worldWith(platform, kind, { roster: UNIT_ROSTER, links: { H1: 8501, H2: 8502, C2: 8503 }, at: "2026-01-12T09:00:00+07:00" });

  it("tells a head their unit's unlinked people on the first working day of each week until all are linked", async () => {
    const { world, database } = setup;
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    const sweep = async () => {
      await sweepReminders(database.db, { now: world.clock.now(), translate });
      await world.deliverNotifications(database.db);
    };
    const told = (chat: number) => world.unread(chat).filter((shown) => shown.text.includes("chưa liên kết tài khoản với bot"));
    await sweep();
    await sweep();
    expect(told(8501).map((shown) => shown.text)).toEqual([
      "👥 Đơn vị còn 2 người chưa liên kết tài khoản với bot nên chưa nhận được thông báo nào: Lê An, Trần Bình.\nHãy nhắc họ dùng mã mời Văn phòng đã phát (mất mã thì xin lại Văn phòng). Gõ /unlinked để xem danh sách.",
    ]);
    // Everyone in the other unit is linked: nothing to say there.
    expect(told(8502)).toEqual([]);
    world.markRead(8501);
    world.clock.advance(86_400_000);
    await sweep();
    expect(told(8501)).toEqual([]);
    // The next Monday, again; once everyone is linked, never again.
    world.clock.advance(6 * 86_400_000);
    await sweep();
    expect(told(8501)).toHaveLength(1);
    world.markRead(8501);
    await world.link(database.db, "A1", 8504);
    await world.link(database.db, "B1", 8505);
    world.clock.advance(7 * 86_400_000);
    await sweep();
    expect(told(8501)).toEqual([]);
    expect((await world.user({ id: 8501, first_name: "Một" }).ask("/unlinked")).text).toBe("Mọi người của Phòng Nghiệp vụ 1 đã liên kết tài khoản.");
  });
});
