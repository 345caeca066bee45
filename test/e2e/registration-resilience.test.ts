import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people, registrations } from "../../src/db/schema/index.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { cliActor } from "../../src/services/audit.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type BotWorld, startBotWorld } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

describe.each(DATABASE_KINDS)("a registration conversation under stress (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: BotWorld | undefined;
  const at = "2025-01-06T09:00:00+07:00";
  const registrationsOf = async (staffCode: string) => {
    const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode));
    return database.db
      .select()
      .from(registrations)
      .where(eq(registrations.personId, person?.id ?? -1));
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nNV,Phòng Nghiệp vụ,E1,Một,,staff\nNV,Phòng Nghiệp vụ,E2,Hai,,staff\n",
    );
    await linkTelegram(database.db, "E1", 6101);
    await linkTelegram(database.db, "E2", 6102);
    await launchCampaign(
      database.db,
      { year: 2025, title: "Phong trào 2025", deadlineAt: new Date("2025-01-30T16:59:59Z") },
      { clock: () => new Date(at), actor: cliActor },
    );
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });

  it("continues where it stopped after the bot restarts in the middle of it", async () => {
    world = await startBotWorld(database.db, { at });
    const before = world.fake.user({ id: 6101, first_name: "Một" });
    before.press(await before.ask("/register"), "Lao động tiên tiến");
    const forms = await before.next();
    expect(forms.text).toContain("Chọn hình thức khen thưởng");
    await world.close();

    // A new process: new runner, new Bot API connection, the same database.
    world = await startBotWorld(database.db, { at });
    const after = world.fake.user({ id: 6101, first_name: "Một" });
    after.pressData(forms.messageId, "reg:form:GIAY_KHEN");
    const summary = await after.next();
    expect(summary.text).toContain("Danh hiệu: Lao động tiên tiến\nHình thức khen thưởng: Giấy khen");
    after.press(summary, "✅ Xác nhận đăng ký");
    expect((await after.next()).text).toContain("Đã gửi đăng ký Lao động tiên tiến");
    expect(await registrationsOf("E1")).toHaveLength(1);
  });

  it("keeps one registration when the confirm update is delivered twice and confirm is pressed twice", async () => {
    world ??= await startBotWorld(database.db, { at });
    const employee = world.fake.user({ id: 6102, first_name: "Hai" });
    employee.press(await employee.ask("/register"), "Lao động tiên tiến");
    employee.press(await employee.next(), "Không đề nghị");
    const summary = await employee.next();
    const confirm = employee.press(summary, "✅ Xác nhận đăng ký");
    expect((await employee.next()).text).toContain("Đã gửi đăng ký");
    world.fake.redeliver(confirm);
    employee.press(summary, "✅ Xác nhận đăng ký");
    expect(await employee.next()).toMatchObject({ kind: "notice", text: "Nút này không còn hiệu lực. Hãy gõ lại lệnh." });
    expect(world.fake.unread(6102)).toEqual([]);
    const rows = await registrationsOf("E2");
    expect(rows.map((row) => [row.titleCode, row.status])).toEqual([["LDTT", "submitted"]]);
  });
});
