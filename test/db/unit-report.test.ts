import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { registrationReport } from "../../src/services/registrations/reports.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";

// A unit of twelve: N01 and N02 hold two registrations each (CSTĐCS and CSTĐ tỉnh, which the law
// lets one person hold in the same year), N03 one, the nine others none.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
${Array.from({ length: 12 }, (_, index) => `NV,Phòng Nghiệp vụ,N${String(index + 1).padStart(2, "0")},Người Thứ ${index + 1},Chuyên viên,staff`).join("\n")}
`;

describe.each(DATABASE_KINDS)("the registration report (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
  });
  afterAll(async () => database?.close());

  it("counts people, not registrations: 12 staff, 3 registered, 9 not, however many titles each holds", async () => {
    const at = new Date("2025-01-10T02:00:00Z");
    const campaign = await launchCampaign(
      database.db,
      { year: 2025, title: "2025", deadlineAt: new Date("2025-01-30T16:59:59Z") },
      { clock: () => at, actor: cliActor },
    );
    const register = async (staffCode: string, titleCode: string, level: "co-so" | "bo-tinh") => {
      const [person] = await database.db.select().from(people).where(eq(people.staffCode, staffCode));
      if (!person) throw new Error(`no ${staffCode}`);
      await database.db.insert(registrations).values({
        year: 2025,
        campaignId: campaign.id,
        subject: "person",
        personId: person.id,
        unitId: person.unitId,
        titleCode,
        level,
        status: "submitted",
        registeredByPersonId: person.id,
        createdAt: at,
        updatedAt: at,
      });
    };
    for (const code of ["N01", "N02"]) {
      await register(code, "CSTDCS", "co-so");
      await register(code, "CSTD_BO_TINH", "bo-tinh");
    }
    await register("N03", "LDTT", "co-so");
    const [unit] = await registrationReport(database.db, 2025);
    expect(unit).toMatchObject({ unitName: "Phòng Nghiệp vụ", staff: 12, registered: 3, notRegistered: 9, pending: 5 });
  });
});
