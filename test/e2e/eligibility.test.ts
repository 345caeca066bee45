import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { approvedIn2025, approvedUnitRegistration } from "../support/registrations.js";
import { worldWith } from "../support/world-setup.js";

// Phòng Nghiệp vụ has ten members: its head and nine staff.
const STAFF = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín"];
const ROSTER = [
  "unit_code,unit_name,staff_code,full_name,position,roles",
  "VP,Văn phòng,S,Thư Ký,,secretariat",
  "VP,Văn phòng,C1,Thành Viên Một,,council",
  "NV,Phòng Nghiệp vụ,H,Trưởng Phòng,Trưởng phòng,head",
  ...STAFF.map((name, index) => `NV,Phòng Nghiệp vụ,N${index + 1},Người ${name},,staff`),
  "",
].join("\n");
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("who may be proposed, on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: { S: 9951, C1: 9952 }, at: "2026-01-20T09:00:00+07:00" });

  it("leaves off a person under discipline and a unit with 60 % LĐTT, each with the reason", async () => {
    const { world, database } = setup;
    // 2025: five LĐTT and one CSTĐCS (an LĐTT too) approved, and Người Bảy's LĐTT; the unit registered TTLĐTT.
    await approvedIn2025(
      database.db,
      {
        N1: { titleCode: "LDTT" },
        N2: { titleCode: "LDTT" },
        N3: { titleCode: "LDTT" },
        N4: { titleCode: "LDTT" },
        N5: { titleCode: "LDTT" },
        N6: { titleCode: "CSTDCS" },
        N7: { titleCode: "LDTT" },
      },
      world.clock.now(),
    );
    await approvedUnitRegistration(database.db, { year: 2025, unitCode: "NV", headCode: "H", titleCode: "TTLDTT", at: world.clock.now() });

    const secretary = world.user({ id: 9951, first_name: "Thư" });
    expect((await secretary.ask("/discipline N7 khien-trach 2025")).text).toBe(
      "Đã ghi: Người Bảy — bị kỷ luật khiển trách năm 2025. Người này không được đưa vào phiếu đề nghị khen thưởng năm 2025.",
    );
    expect((await secretary.ask("/discipline X9 canh-cao")).text).toBe("Không có cán bộ mã X9 đang làm việc.");

    // Người Bảy's LĐTT falls with him: 6 of 10 members (60 %) are LĐTT, where TTLĐTT needs 70 %.
    const created = await secretary.ask("/ballot new 2025 Phiên xét thi đua năm 2025");
    expect(created.text).toContain("6 ứng viên");
    expect((await nextWith(secretary, "Không đưa vào phiếu")).text.split("\n")).toEqual([
      "⚠️ Không đưa vào phiếu 2 ứng viên không đủ điều kiện đề nghị:",
      "• Phòng Nghiệp vụ — Tập thể lao động tiên tiến: 6/10 thành viên (60%) đạt Lao động tiên tiến, cần ít nhất 70% — theo QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 5 (giá trị ví dụ của một tỉnh)",
      "• Người Bảy (Phòng Nghiệp vụ) — Lao động tiên tiến: bị kỷ luật khiển trách năm 2025",
    ]);
  });
});
