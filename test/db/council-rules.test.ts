import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people, registrations } from "../../src/db/schema/index.js";
import { saveAgencySetting } from "../../src/services/rules/agency-rules.js";
import { cliActor } from "../../src/services/audit.js";
import { castBallot } from "../../src/services/ballots/casting.js";
import { ballotTally } from "../../src/services/ballots/tally.js";
import { createBallotSession, openBallot } from "../../src/services/ballots/sessions.js";
import { closeBallot } from "../../src/services/ballots/closing.js";
import { ballotSeal } from "../../src/services/ballots/seal.js";
import { declareInitiative, reviewInitiative } from "../../src/services/initiatives.js";
import { closeUnitVote, openUnitReview, sendUnitReview, startUnitVote, unitReview } from "../../src/services/reviews/unit-reviews.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";
import { approvedIn2025 } from "../support/registrations.js";

// Sealing ballots needs the instances' secret; tests have their own.
const seal = ballotSeal("a-test-ballot-secret-of-32-characters-or-more");

// Five council members; a unit of four (its head and three staff), two of whom registered.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
${[1, 2, 3, 4, 5].map((n) => `VP,Văn phòng,C${n},Thành Viên ${n},,council`).join("\n")}
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
NV,Phòng Nghiệp vụ,D,Lê Dung,,staff
`;
const clock = () => new Date("2026-01-20T03:00:00Z");
const context = { clock, actor: cliActor, translate: (_locale: string, key: string) => key };

describe.each(DATABASE_KINDS)("the year-end's rules (%s)", (kind) => {
  let database: DatabaseHandle;
  const id: Record<string, number> = {};
  let unitId = 0;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
    for (const person of await database.db.select().from(people)) id[person.staffCode] = person.id;
    unitId = (await database.db.select().from(people).where(eq(people.staffCode, "A")))[0]?.unitId as number;
    await approvedIn2025(database.db, { A: { titleCode: "CSTDCS", initiativeTitle: "Số hóa hồ sơ" }, B: { titleCode: "LDTT" } }, clock());
  });
  afterAll(async () => database?.close());

  it("lets the unit's members, and only they, vote in secret in its bình xét; more than half of them proposes", async () => {
    const review = await openUnitReview(database.db, { unitId, year: 2025 }, context);
    const sessionId = await startUnitVote(database.db, review, context);
    expect(sessionId).toBeGreaterThan(0);
    const vote = (code: string, disagree: number[]) =>
      castBallot(database.db, seal, { sessionId: sessionId as number, personId: id[code] as number, disagree, change: false }, context);
    // Candidates by name: 1 Nguyễn An, 2 Trần Bình. A council member is no voter here.
    expect(await vote("C1", [])).toBe("not-member");
    expect(await vote("H", [2])).toBe("cast");
    expect(await vote("A", [])).toBe("cast");
    expect(await vote("B", [])).toBe("cast");
    expect(await vote("D", [2])).toBe("cast");
    await closeUnitVote(database.db, seal, (await unitReview(database.db, unitId, 2025)) ?? review, context);
    // 4 members: Nguyễn An 4/4 (proposed); Trần Bình 2/4 = 50 %, not more than half.
    const decided = await unitReview(database.db, unitId, 2025);
    expect(decided?.items.map((item) => [item.name, item.proposed, item.note])).toEqual([
      ["Nguyễn An", true, "4/4 phiếu đồng ý"],
      ["Trần Bình", false, "2/4 phiếu đồng ý"],
    ]);
    expect(await sendUnitReview(database.db, decided ?? review, context)).toEqual({ kind: "sent", proposed: 1, notProposed: 1 });
    // The council's session then holds only the proposed registration.
    expect((await createBallotSession(database.db, { year: 2025, title: "Hội đồng" }, context)).candidates).toBe(1);
  });

  it("takes the council's threshold and quorum from the agency's rules over the national set, and passes nobody without a quorum", async () => {
    await saveAgencySetting(
      database.db,
      "rules",
      {
        initiativeRequired: [],
        caps: [],
        councilThresholds: [{ titleCode: "CSTDCS", percent: 60, source: "Quy chế TĐKT của Sở (2025)" }],
        councilQuorum: { percent: 70, source: "Quy chế TĐKT của Sở (2025)" },
        unitVote: null,
      },
      context,
    );
    const session = await createBallotSession(database.db, { year: 2025, title: "Theo quy chế", titleCode: "CSTDCS" }, context);
    await openBallot(database.db, session.id, context);
    // 3 of 5 vote and agree: 60 % ≥ the agency's 60 % (the law's 80 % would fail), but 60 % < a quorum of 70 %.
    for (const code of ["C1", "C2", "C3"])
      await castBallot(database.db, seal, { sessionId: session.id, personId: id[code] as number, disagree: [], change: false }, context);
    await closeBallot(database.db, seal, session.id, context);
    const tally = await ballotTally(database.db, session.id);
    expect(tally).toMatchObject({
      membersTotal: 5,
      voted: 3,
      quorumPercent: 70,
      quorumMet: false,
      // Below the quorum the session is void: no count exists (three "agree" would tell each one's vote).
      candidates: [{ agree: null, disagree: null, thresholdPercent: 60, passed: false }],
    });
    // A fourth voter reaches the quorum (80 % ≥ 70 %): the same agreement passes.
    const again = await createBallotSession(database.db, { year: 2025, title: "Đủ số", titleCode: "CSTDCS" }, context);
    await openBallot(database.db, again.id, context);
    for (const code of ["C1", "C2", "C3", "C4"])
      await castBallot(database.db, seal, { sessionId: again.id, personId: id[code] as number, disagree: code === "C4" ? [1] : [], change: false }, context);
    await closeBallot(database.db, seal, again.id, context);
    expect(await ballotTally(database.db, again.id)).toMatchObject({ voted: 4, quorumMet: true, candidates: [{ agree: 3, disagree: 1, passed: true }] });
  });

  it("links a recognised initiative to the registration that cites it by name, and not a returned one", async () => {
    const returned = await declareInitiative(database.db, { personId: id.A as number, unitId, year: 2026, title: "Số hóa hồ sơ", summary: "Bản đầu" }, context);
    expect(await reviewInitiative(database.db, { id: returned, outcome: "returned", reason: "Chưa có số liệu hiệu quả" }, context)).toMatchObject({
      status: "returned",
    });
    const [before] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.personId, id.A as number));
    expect(before?.initiativeId).toBeNull();
    const recognised = await declareInitiative(
      database.db,
      { personId: id.A as number, unitId, year: 2026, title: "Số hoá hồ sơ", summary: "Có số liệu" },
      context,
    );
    await reviewInitiative(database.db, { id: recognised, outcome: "recognised", scope: "co-so", score: 80 }, context);
    // "Số hoá" and "Số hóa" are the same words; the 2025 registration is served by a 2026 declaration.
    const [after] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.personId, id.A as number));
    expect(after?.initiativeId).toBe(recognised);
    expect(await reviewInitiative(database.db, { id: recognised, outcome: "returned", reason: "again" }, context)).toBe("not-waiting");
  });
});
