import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chatAccounts } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { createInvite } from "../../src/services/invites/index.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { oaUserId } from "../support/fake-zalo-oa.js";
import { officeRosterXlsx } from "../support/office-roster.js";
import { nextFile } from "../support/received-files.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,Chuyên viên,secretariat
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,Chuyên viên,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,Chuyên viên,staff
`;
const CHAT = { S: 9501, H: 9502, A: 9503 };

describe.each(DATABASE_KINDS)("the bot on the Zalo Official Account (%s)", (kind) => {
  const setup = worldWith("zalo_oa", kind, { roster: ROSTER, links: { S: CHAT.S, H: CHAT.H }, at: "2026-01-12T09:00:00+07:00" });
  const oa = () => setup.world.oa as NonNullable<typeof setup.world.oa>;

  it("welcomes a follower, links them with consent, and takes them through /register, the head's approval and the secretariat's files with real buttons", async () => {
    const { world, database } = setup;
    await launchCampaign(
      database.db,
      { year: 2026, title: "Phong trào thi đua năm 2026", deadlineAt: new Date("2026-01-30T23:59:59+07:00") },
      { clock: world.clock.now, actor: cliActor },
    );
    // Follow: the welcome says it is an automated assistant and what it keeps.
    await oa().follow(CHAT.A);
    const welcome = await oa().nextShown(CHAT.A);
    expect(welcome.text).toContain("Đây là trợ lý tự động (chatbot) về thi đua, khen thưởng");
    expect(welcome.text).toContain("không phải do một cán bộ trực");
    expect(welcome.text).toContain("bot lưu mã Zalo của bạn trong OA này, họ tên, đơn vị, chức vụ");

    // The invite code, the privacy notice with two real buttons, agreement.
    const employee = world.user({ id: CHAT.A, first_name: "An" });
    const invite = await createInvite(database.db, "A", { clock: world.clock.now, actor: cliActor });
    const notice = await employee.ask(invite.code);
    expect(notice.buttons.map((button) => button.text)).toEqual(["✅ Đồng ý", "Không đồng ý"]);
    expect(notice.buttons.every((button) => button.data.startsWith("payload:tdkt:"))).toBe(true);
    employee.press(notice, "✅ Đồng ý");
    expect((await employee.next()).text).toContain("Đã liên kết tài khoản với Nguyễn An.");

    // /register by pressing buttons.
    const titles = await employee.ask("/register");
    expect(titles.buttons.map((button) => button.text)).toEqual(["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Hủy"]);
    employee.press(titles, "Lao động tiên tiến");
    employee.press(await employee.next(), "Không đề nghị");
    employee.press(await employee.next(), "✅ Xác nhận đăng ký");
    expect((await nextWith(employee, "Đã gửi")).text).toContain("Đã gửi đăng ký Lao động tiên tiến");

    // The head is told, with buttons, and approves with one.
    await world.deliverNotifications(database.db);
    const head = world.user({ id: CHAT.H, first_name: "Hà" });
    const asked = await nextWith(head, "Nguyễn An (Phòng Nghiệp vụ) vừa đăng ký Lao động tiên tiến");
    expect(asked.buttons.map((button) => button.text)).toEqual(["✓ Duyệt", "↩ Trả lại"]);
    head.press(asked, "✓ Duyệt");
    await nextWith(head, "Đã duyệt");

    // /export: an .xlsx, which the OA does not carry as a file: a signed link to this server.
    const secretary = world.user({ id: CHAT.S, first_name: "Thư" });
    secretary.send("/export 2026");
    const exported = await nextFile(world, secretary, /^bieu-dang-ky-thi-dua-2026\.xlsx$/);
    expect(exported.bytes.subarray(0, 2).toString()).toBe("PK");
    // Invite slips are a .docx: they arrive as a file message.
    secretary.send("/invite NV");
    await nextFile(world, secretary, /\.xlsx$/);
    const slips = await nextFile(world, secretary, /^ma-moi-NV-2026-01-12\.docx$/);
    expect(slips.shown.kind).toBe("document");
    expect(slips.shown.text).toBe("");
    expect(oa().sent.some((sent) => (sent.message.attachment as { type?: string } | undefined)?.type === "file")).toBe(true);

    // A roster .xlsx sent in the chat: read and previewed, with its buttons.
    const roster = await officeRosterXlsx([{ name: "Lê Mới", birth: "01/02/1990", position: "Chuyên viên", unit: "Phòng Nghiệp vụ" }]);
    await secretary.sendFile("/roster", "danh-sach.xlsx", roster);
    const preview = await nextWith(secretary, "Tệp danh-sach.xlsx");
    expect(preview.text).toContain("1 người mới");
    // The file names one person of five: importing it would retire four, which its button says.
    expect(preview.buttons.map((button) => button.text)).toContain("✅ Nhập; 4 người rời cơ quan");
  });

  it("refuses an event whose signature does not match and acts on nothing in it", async () => {
    const forged = {
      app_id: "x",
      sender: { id: oaUserId(CHAT.S) },
      event_name: "user_send_text",
      message: { msg_id: "forged1", text: "/help" },
      timestamp: "1",
    };
    expect(await oa().post(forged, "mac=0000")).toBe(401);
    expect(await oa().post(forged, "")).toBe(401);
    expect(oa().unread(CHAT.S)).toEqual([]);
  });

  it("marks an unfollower unreachable, and a new message from them reachable again", async () => {
    const { database } = setup;
    await oa().unfollow(CHAT.H);
    const blocked = async () =>
      (
        await database.db
          .select({ blocked: chatAccounts.blocked })
          .from(chatAccounts)
          .where(eq(chatAccounts.externalId, oaUserId(CHAT.H)))
      )[0]?.blocked;
    expect(await blocked()).toBe(true);
    const head = setup.world.user({ id: CHAT.H, first_name: "Hà" });
    expect((await head.ask("/me")).text.split("\n")[0]).toBe("Hoàng Hà");
    expect(await blocked()).toBe(false);
  });
});
