import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { chatAccounts, people } from "../db/schema/index.js";
import type { Clock } from "../domain/calendar.js";
import type { RawRow } from "../domain/roster.js";
import { importRoster } from "./roster/import.js";
import type { AuditContext } from "./context.js";

// A small Sở with every role, so each command has someone to try it as.
const DEMO_ROSTER = [
  ["unit_code", "unit_name", "staff_code", "full_name", "position", "roles"],
  ["VP", "Văn phòng Sở", "DEMO-VP01", "Trần Thị Thu Hà", "Chánh Văn phòng", "head;secretariat;council"],
  ["VP", "Văn phòng Sở", "DEMO-VP02", "Nguyễn Văn Minh", "Chuyên viên thi đua", "staff;secretariat"],
  ["VP", "Văn phòng Sở", "DEMO-VP03", "Lê Thị Hồng", "Văn thư", "staff"],
  ["VP", "Văn phòng Sở", "DEMO-VP04", "Phạm Quốc Bảo", "Kế toán", "staff"],
  ["TCCB", "Phòng Tổ chức cán bộ", "DEMO-TC01", "Hoàng Văn Dũng", "Trưởng phòng", "head;council"],
  ["TCCB", "Phòng Tổ chức cán bộ", "DEMO-TC02", "Vũ Thị Lan", "Phó Trưởng phòng", "staff"],
  ["TCCB", "Phòng Tổ chức cán bộ", "DEMO-TC03", "Đặng Minh Tuấn", "Chuyên viên", "staff"],
  ["TCCB", "Phòng Tổ chức cán bộ", "DEMO-TC04", "Bùi Thị Mai", "Chuyên viên", "staff"],
  ["KHTC", "Phòng Kế hoạch - Tài chính", "DEMO-KH01", "Đỗ Văn Hùng", "Trưởng phòng", "head"],
  ["KHTC", "Phòng Kế hoạch - Tài chính", "DEMO-KH02", "Ngô Thị Thảo", "Chuyên viên", "staff"],
  ["KHTC", "Phòng Kế hoạch - Tài chính", "DEMO-KH03", "Dương Văn Long", "Chuyên viên", "staff"],
  ["KHTC", "Phòng Kế hoạch - Tài chính", "DEMO-KH04", "Lý Thị Ngọc", "Chuyên viên", "staff"],
  ["NV", "Phòng Nghiệp vụ", "DEMO-NV01", "Trịnh Quang Vinh", "Trưởng phòng", "head"],
  ["NV", "Phòng Nghiệp vụ", "DEMO-NV02", "Phan Thị Yến", "Chuyên viên chính", "staff"],
  ["NV", "Phòng Nghiệp vụ", "DEMO-NV03", "Mai Văn Khoa", "Chuyên viên", "staff"],
  ["NV", "Phòng Nghiệp vụ", "DEMO-NV04", "Tô Thị Hạnh", "Chuyên viên", "staff"],
  ["TTR", "Thanh tra Sở", "DEMO-TT01", "Cao Văn Sơn", "Chánh Thanh tra", "head;council"],
  ["TTR", "Thanh tra Sở", "DEMO-TT02", "Lương Thị Hoa", "Thanh tra viên", "staff"],
  ["TTR", "Thanh tra Sở", "DEMO-TT03", "Hà Minh Đức", "Thanh tra viên", "staff"],
  ["BGD", "Ban Giám đốc", "DEMO-GD01", "Nguyễn Thanh Bình", "Giám đốc Sở", "council;admin"],
];

/** The demo secretariat member the console chat acts as. */
export const DEMO_CONSOLE_STAFF_CODE = "DEMO-VP01";

/** Loads the demo agency; running it again changes nothing. */
export async function seedDemo(db: Database, context: AuditContext): Promise<{ people: number }> {
  const rows: RawRow[] = DEMO_ROSTER.map((cells, index) => ({ line: index + 1, cells }));
  const result = await importRoster(db, rows, { ...context, source: "seed demo" });
  return { people: result.created + result.updated + result.unchanged };
}

export async function hasDemoAgency(db: Database): Promise<boolean> {
  const found = await db.select({ id: people.id }).from(people).where(eq(people.staffCode, DEMO_CONSOLE_STAFF_CODE)).limit(1);
  return found.length > 0;
}

/** Links the console chat to the demo secretariat member, as an invite would. */
export async function linkConsoleAccount(db: Database, clock: Clock, externalId: string): Promise<void> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.staffCode, DEMO_CONSOLE_STAFF_CODE));
  if (!person) throw new Error("the demo roster is missing; run seed demo first");
  // Two console processes may start together on one Postgres: an upsert, not select-then-insert.
  await db
    .insert(chatAccounts)
    .values({ platform: "console", externalId, chatId: externalId, personId: person.id, linkedAt: clock(), displayName: "console" })
    .onConflictDoUpdate({
      target: [chatAccounts.agencyId, chatAccounts.platform, chatAccounts.externalId],
      set: { personId: sql`coalesce(${chatAccounts.personId}, excluded.person_id)` },
    });
}
