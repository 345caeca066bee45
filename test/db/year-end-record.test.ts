import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people, titleAwards, units } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { recordDecision } from "../../src/services/ballots/award-decisions.js";
import { castBallot } from "../../src/services/ballots/casting.js";
import { createBallotSession, openBallot } from "../../src/services/ballots/sessions.js";
import { closeBallot } from "../../src/services/ballots/closing.js";
import { ballotSeal } from "../../src/services/ballots/seal.js";
import { catalogueOn } from "../../src/services/rules/catalogue.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { importTitleHistory, registrationChoices } from "../../src/services/registrations/index.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";
import { insertRegistration } from "../support/registrations.js";

// Sealing ballots needs the instances' secret; tests have their own.
const seal = ballotSeal("a-test-ballot-secret-of-32-characters-or-more");

const ZONE = "Asia/Ho_Chi_Minh";
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,C1,Thành Viên Một,,council
VP,Văn phòng,C2,Thành Viên Hai,,council
NV,Phòng Nghiệp vụ,P,Phạm Ghi Nhận,,staff
NV,Phòng Nghiệp vụ,Q,Quách Nhập Khẩu,,staff
NV,Phòng Nghiệp vụ,R,Rồng Chưa Có,,staff
`;
const translate = (_locale: string, key: string) => key;

describe.each(DATABASE_KINDS)("the year-end record feeds next year's rules (%s)", (kind) => {
  let database: DatabaseHandle;
  const person: Record<string, { id: number; unitId: number; unitName: string; roles: string[]; fullName: string }> = {};
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
    const rows = await database.db.select({ p: people, unitName: units.name }).from(people).innerJoin(units, eq(units.id, people.unitId));
    for (const { p, unitName } of rows) person[p.staffCode] = { id: p.id, unitId: p.unitId, unitName, roles: p.roles, fullName: p.fullName };
  });
  afterAll(async () => database?.close());

  const register = (code: string, year: number, campaignId: number, status: "approved" | "submitted") =>
    insertRegistration(database.db, {
      year,
      campaignId,
      person: person[code] as { id: number; unitId: number },
      titleCode: "CSTDCS",
      status,
      at: new Date(`${year}-01-10T02:00:00Z`),
    });

  it("accepts CSTĐ tỉnh in the third year for CSTĐCS recorded by the bot's own decisions, as for imported history", async () => {
    for (const year of [2024, 2025]) {
      const at = new Date(`${year + 1}-02-03T03:00:00Z`);
      const context = { clock: () => at, actor: cliActor };
      const campaign = await launchCampaign(
        database.db,
        { year, title: `${year}`, deadlineAt: new Date(`${year}-01-30T16:59:59Z`) },
        { clock: () => new Date(`${year}-01-06T02:00:00Z`), actor: cliActor },
      );
      await register("P", year, campaign.id, "approved");
      const session = await createBallotSession(database.db, { year, title: `Xét thi đua ${year}` }, context);
      await openBallot(database.db, session.id, { ...context, translate });
      for (const member of ["C1", "C2"])
        await castBallot(database.db, seal, { sessionId: session.id, personId: person[member]?.id as number, disagree: [], change: false }, context);
      await closeBallot(database.db, seal, session.id, context);
      const decided = await recordDecision(
        database.db,
        { sessionId: session.id, number: `${year}/QĐ`, decidedOn: `${year + 1}-02-03`, signer: "Giám đốc" },
        { ...context, translate, timeZone: ZONE },
      );
      // No one in this test has a chat: the result is recorded, and nobody can be told.
      expect(decided).toEqual({ kind: "recorded", awarded: 1, proposed: 0, notAwarded: 0, leadersAwarded: [], told: 0 });
    }
    // Q's same two years come from the old paper records instead.
    await importTitleHistory(
      database.db,
      [
        { line: 2, staffCode: "Q", year: 2024, titleCode: "CSTDCS" },
        { line: 3, staffCode: "Q", year: 2025, titleCode: "CSTDCS" },
      ],
      { clock: () => new Date("2026-01-02T02:00:00Z"), actor: cliActor, catalogue: await catalogueOn(database.db, "2026-01-02") },
    );
    const recorded = await database.db
      .select({ source: titleAwards.source, year: titleAwards.year, title: titleAwards.titleCode, decision: titleAwards.decisionNumber })
      .from(titleAwards)
      .where(eq(titleAwards.personId, person.P?.id as number));
    // Each year's CSTĐCS comes with the LĐTT it presupposes (Law 06/2022 Art. 23), under the same decision.
    expect(recorded.sort((a, b) => a.year - b.year || a.title.localeCompare(b.title))).toEqual([
      { source: "decision", year: 2024, title: "CSTDCS", decision: "2024/QĐ" },
      { source: "decision", year: 2024, title: "LDTT", decision: "2024/QĐ" },
      { source: "decision", year: 2025, title: "CSTDCS", decision: "2025/QĐ" },
      { source: "decision", year: 2025, title: "LDTT", decision: "2025/QĐ" },
    ]);

    // 2026: the third CSTĐCS is this year's registration, so CSTĐ tỉnh may be registered beside it.
    const now = new Date("2026-01-12T02:00:00Z");
    const campaign = await launchCampaign(
      database.db,
      { year: 2026, title: "2026", deadlineAt: new Date("2026-01-30T16:59:59Z") },
      { clock: () => now, actor: cliActor },
    );
    for (const code of ["P", "Q", "R"]) await register(code, 2026, campaign.id, "submitted");
    const refusalOf = async (code: string) =>
      (await registrationChoices(database.db, person[code] as never, now, ZONE)).titles.find((choice) => choice.title.code === "CSTD_BO_TINH")?.refusal;
    expect(await refusalOf("P")).toBeNull();
    expect(await refusalOf("Q")).toBeNull();
    expect(await refusalOf("R")).toMatchObject({ key: "register-refused-history" });
  });
});
