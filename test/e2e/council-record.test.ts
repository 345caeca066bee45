import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { withdrawRegistration } from "../../src/services/registrations/decisions.js";
import { askFor, nextWithChoices, PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { approvedIn2025 } from "../support/registrations.js";
import { worldWith } from "../support/world-setup.js";

// A council of three and 45 approved LĐTT registrations: a tally too long for one Telegram message.
const STAFF = Array.from({ length: 45 }, (_, index) => `P${String(index + 1).padStart(2, "0")}`);
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
VP,Văn phòng,C1,Thành Viên Một,,council
VP,Văn phòng,C2,Thành Viên Hai,,council
VP,Văn phòng,C3,Thành Viên Ba,,council
${STAFF.map((code) => `NV,Phòng Nghiệp vụ,${code},Nhân Viên Số ${code.slice(1)} Với Họ Tên Khá Dài Trong Danh Sách,,staff`).join("\n")}
`;
const CHATS = { S: 8801, C1: 8802, C2: 8803, C3: 8804 } as const;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("a council record that cannot contradict itself on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: CHATS, at: "2026-01-20T09:00:00+07:00", mode: "webhook" });
  const clerk = () => setup.world.user({ id: CHATS.S, first_name: "Thư" });
  const ask = (text: string, answer: string) => askFor(clerk(), text, answer);

  it("shows a 45-candidate tally in parts, refuses impossible counts and dates, and puts no decided registration to a later ballot", async () => {
    const { world, database } = setup;
    await approvedIn2025(database.db, Object.fromEntries(STAFF.map((code) => [code, { titleCode: "LDTT" }])), world.clock.now());
    const id = /số (\d+)/.exec((await ask("/ballot new 2025 Phiên một", "Đã tạo")).text)?.[1] as string;
    expect((await ask(`/ballot open ${id}`, "Đã mở")).text).toContain("3 thành viên Hội đồng đã được báo");
    // Nine ballots on a council of three: refused, nothing recorded.
    expect((await ask(`/ballot paper ${id} 1 7 2`, "phiếu")).text).toContain(`Phiên ${id} có 3 người bỏ phiếu: không thể ghi 9 phiếu cho một ứng viên.`);
    for (const chat of [CHATS.C1, CHATS.C2, CHATS.C3]) {
      const member = world.user({ id: chat, first_name: "TV" });
      member.send(`/vote ${id}`);
      // The ballot's first page: on Zalo its numbered options come with the last part of the message.
      member.press(await nextWithChoices(member), "📨 Nộp phiếu");
      await nextWith(member, "Đã nhận phiếu");
    }

    // The tally arrives in order, in as many messages as it needs (Telegram refuses over 4096 characters).
    clerk().send(`/ballot close ${id}`);
    const parts = [await nextWith(clerk(), "Kết quả bỏ phiếu kín")];
    // Candidates in the list's order (unit, then name): «Số 01» is position 1, «Số 45» position 45.
    while (!parts.at(-1)?.text.includes("45. Nhân Viên Số 45")) parts.push(await clerk().next());
    expect(parts.length).toBeGreaterThan(1);
    const all = parts.map((part) => part.text).join("\n");
    for (let position = 1; position <= 45; position++) expect(all).toContain(`${position}. Nhân Viên Số ${String(position).padStart(2, "0")} Với`);
    expect(all).toContain("3 đồng ý, 0 không đồng ý / 3 thành viên — đạt");

    // A decision dated tomorrow is refused; today's is recorded.
    expect((await ask(`/ballot decide ${id} 7/QĐ-SNV 21/01/2026 Giám Đốc`, "Quyết định")).text).toContain("là ngày sau hôm nay");
    expect((await ask(`/ballot decide ${id} 7/QĐ-SNV 20/01/2026 Giám Đốc`, "Đã ghi Quyết định")).text).toContain("45 được công nhận");
    // The year's second ballot holds nobody already decided.
    expect((await ask("/ballot new 2025 Phiên hai", "Đã tạo")).text).toContain("0 ứng viên");

    // An awarded registration cannot be withdrawn afterwards.
    const [person] = await database.db.select().from(people).where(eq(people.staffCode, "P01"));
    const [registration] = await database.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.personId, person?.id ?? 0), eq(registrations.year, 2025)));
    const context = { clock: world.clock.now, actor: cliActor, translate: (_locale: string, key: string) => key, timeZone: "Asia/Ho_Chi_Minh" };
    const withdrawn = await withdrawRegistration(
      database.db,
      { id: person?.id ?? 0, unitId: person?.unitId ?? 0, roles: ["staff"], fullName: person?.fullName ?? "", unitName: "Phòng Nghiệp vụ" },
      registration?.id ?? 0,
      context,
    );
    expect(withdrawn).toEqual({ kind: "refused", refusal: { key: "withdraw-decided", args: {} } });
  });
});
