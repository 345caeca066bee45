import { MORE_THAN_HALF } from "../../src/domain/ballots.js";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { ballots, ballotVoters, campaigns, people, sealedBallots } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { ballotMinutesDocx, ballotResultsXlsx } from "../../src/services/ballots/minutes.js";
import { castBallot } from "../../src/services/ballots/casting.js";
import { enterPaperCount } from "../../src/services/ballots/paper.js";
import { ballotTally } from "../../src/services/ballots/tally.js";
import { createBallotSession, openBallot } from "../../src/services/ballots/sessions.js";
import { closeBallot } from "../../src/services/ballots/closing.js";
import { ballotSeal } from "../../src/services/ballots/seal.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";
import { insertRegistration } from "../support/registrations.js";

// Sealing ballots needs the instances' secret; tests have their own.
const seal = ballotSeal("a-test-ballot-secret-of-32-characters-or-more");

// Seven council members (C1–C7) and three approved registrations: two CSTĐCS (80 %), one LĐTT.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
${[1, 2, 3, 4, 5, 6, 7].map((n) => `VP,Văn phòng,C${n},Thành Viên ${n},,council`).join("\n")}
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
NV,Phòng Nghiệp vụ,D,Lê Dung,,staff
`;
const clock = () => new Date("2026-01-20T03:00:00Z");

describe.each(DATABASE_KINDS)("the council's secret ballot (%s)", (kind) => {
  let database: DatabaseHandle;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
    for (const person of await database.db.select().from(people)) id[person.staffCode] = person.id;
    const campaign = await launchCampaign(
      database.db,
      { year: 2025, title: "2025", deadlineAt: new Date("2025-01-30T16:59:59Z") },
      { clock: () => new Date("2025-01-06T02:00:00Z"), actor: cliActor },
    );
    const [unit] = await database.db.select({ unitId: people.unitId }).from(people).where(eq(people.staffCode, "A"));
    for (const [code, titleCode] of [
      ["A", "CSTDCS"],
      ["B", "CSTDCS"],
      ["D", "LDTT"],
    ] as const) {
      await insertRegistration(database.db, {
        year: 2025,
        campaignId: campaign.id,
        person: { id: id[code] as number, unitId: unit?.unitId as number },
        titleCode,
        status: "approved",
        at: clock(),
      });
    }
    expect(await database.db.select().from(campaigns)).toHaveLength(1);
  });
  afterAll(async () => database?.close());

  it("counts agreement against all seven members, refuses a second ballot, takes a change, and shows nothing before close", async () => {
    const context = { clock, actor: cliActor };
    const session = await createBallotSession(database.db, { year: 2025, title: "Phiên họp xét thi đua năm 2025" }, context);
    expect(session.candidates).toBe(3);
    expect(await openBallot(database.db, session.id, { ...context, translate: (_locale, key) => key })).toEqual({ membersTotal: 7 });
    // Positions in list order (by unit, then name): 1 Lê Dung (LĐTT), 2 Nguyễn An, 3 Trần Bình.
    const vote = (code: string, disagree: number[], change = false) =>
      castBallot(database.db, seal, { sessionId: session.id, personId: id[code] as number, disagree, change }, context);
    expect(await vote("C1", [])).toBe("cast");
    expect(await vote("C2", [])).toBe("cast");
    expect(await vote("C3", [])).toBe("cast");
    expect(await vote("C4", [])).toBe("cast");
    expect(await vote("C5", [3])).toBe("cast");
    expect(await vote("C6", [3])).toBe("cast");
    // C1 votes again without asking to change: refused, and the first ballot stands.
    expect(await vote("C1", [2, 3])).toBe("already-voted");
    // C4 changes her mind about Trần Bình before the close.
    expect(await vote("C4", [3], true)).toBe("changed");
    expect(await vote("S", [])).toBe("not-member");
    // C7 does not vote. Before the close there is no tally for anyone.
    expect(await ballotTally(database.db, session.id)).toBe("not-closed");

    // Storage while voting is open: nothing counted in the clear; each ballot is sealed under a
    // reference that is no member's id, and the seals of one session all have the same length.
    expect(await database.db.select().from(ballots).where(eq(ballots.sessionId, session.id))).toEqual([]);
    const sealed = await database.db.select().from(sealedBallots).where(eq(sealedBallots.sessionId, session.id));
    expect(sealed).toHaveLength(6);
    const personIds = new Set(Object.values(id).map(String));
    for (const ballot of sealed) expect(personIds.has(ballot.ballotRef)).toBe(false);
    expect(new Set(sealed.map((ballot) => ballot.sealed.length)).size).toBe(1);
    // The changed ballot replaced the first: C4's is one row, like everyone's.
    expect(new Set(sealed.map((ballot) => ballot.ballotRef)).size).toBe(6);
    // Who voted is known (quorum, no double voting), and in which agency, never what.
    expect((await database.db.select().from(ballotVoters).where(eq(ballotVoters.sessionId, session.id))).map((voter) => Object.keys(voter).sort())[0]).toEqual([
      "agencyId",
      "how",
      "personId",
      "sessionId",
      "votedAt",
    ]);

    expect(await closeBallot(database.db, seal, session.id, context)).toBe(true);
    // Closed: the seals are gone, and the six ballots are counted in the clear under new references.
    expect(await database.db.select().from(sealedBallots).where(eq(sealedBallots.sessionId, session.id))).toEqual([]);
    const counted = await database.db.select().from(ballots).where(eq(ballots.sessionId, session.id));
    expect(counted.map((ballot) => ballot.disagree.join(",")).sort()).toEqual(["", "", "", "3", "3", "3"]);
    expect(await vote("C7", [])).toBe("not-open");
    // Lê Dung 6/7 agree (LĐTT, majority: passes); Nguyễn An 6/7 = 85.7 % ≥ 80 %: passes;
    // Trần Bình 3/7 agree (C5, C6, C4 disagree) = 42.9 % < 80 %: fails.
    expect(await ballotTally(database.db, session.id)).toEqual({
      membersTotal: 7,
      voted: 6,
      // No quorum is set by the national rule set nor by this agency.
      quorumPercent: null,
      quorumMet: true,
      candidates: [
        {
          position: 1,
          registrationId: expect.any(Number),
          label: "Lê Dung (Phòng Nghiệp vụ) — Lao động tiên tiến",
          agree: 6,
          disagree: 0,
          thresholdPercent: MORE_THAN_HALF,
          passed: true,
        },
        {
          position: 2,
          registrationId: expect.any(Number),
          label: "Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở",
          agree: 6,
          disagree: 0,
          thresholdPercent: 80,
          passed: true,
        },
        {
          position: 3,
          registrationId: expect.any(Number),
          label: "Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở",
          agree: 3,
          disagree: 3,
          thresholdPercent: 80,
          passed: false,
        },
      ],
    });
  });

  it("writes the minutes and the results list of a closed ballot: the members who voted, each candidate's votes and outcome", async () => {
    const context = { clock, actor: cliActor };
    const session = await createBallotSession(database.db, { year: 2025, title: "Phiên họp ngày 20/01/2026" }, context);
    const exportContext = { agency: "Sở Ngoại vụ", timeZone: "Asia/Ho_Chi_Minh" };
    expect(await ballotMinutesDocx(database.db, session.id, exportContext)).toBeUndefined();
    await openBallot(database.db, session.id, { ...context, translate: (_locale, key) => key });
    for (const code of ["C1", "C2", "C3", "C4", "C5", "C6"]) {
      await castBallot(
        database.db,
        seal,
        { sessionId: session.id, personId: id[code] as number, disagree: code === "C1" || code === "C2" ? [3] : [], change: false },
        context,
      );
    }
    await castBallot(database.db, seal, { sessionId: session.id, personId: id.C7 as number, disagree: [], change: false, how: "written" }, context);
    await closeBallot(database.db, seal, session.id, context);

    const docx = await JSZip.loadAsync((await ballotMinutesDocx(database.db, session.id, exportContext)) as Buffer);
    const xml = (await docx.file("word/document.xml")?.async("string")) ?? "";
    const body = xml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(body).toContain("BIÊN BẢN");
    expect(body).toContain("Họp Hội đồng Thi đua, Khen thưởng — Phiên họp ngày 20/01/2026");
    expect(body).toContain("Tổng số thành viên Hội đồng: 7; số thành viên bỏ phiếu: 7.");
    for (const n of [1, 2, 3, 4, 5, 6]) expect(body).toContain(`${n}. Thành Viên ${n}`);
    expect(body).toContain("7. Thành Viên 7 (phiếu bằng văn bản)");
    // Trần Bình: 5 agree of 7 = 71.4 % < 80 %; the other two 7/7.
    expect(body).toContain("3 Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở 5 2 71.4% 80% Không đạt");
    expect(body).toContain("2 Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở 7 0 100% 80% Đạt");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ballotResultsXlsx(database.db, session.id, exportContext)) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row, number) => {
      if (number >= 8) rows.push([2, 3, 4, 6].map((column) => String(row.getCell(column).value)));
    });
    expect(rows).toEqual([
      ["Lê Dung (Phòng Nghiệp vụ) — Lao động tiên tiến", "7", "0", "Đạt"],
      ["Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở", "7", "0", "Đạt"],
      ["Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở", "5", "2", "Không đạt"],
    ]);
  });

  it("takes an absent member's written vote once, and a paper count in place of the chat's", async () => {
    const context = { clock, actor: cliActor };
    const written = await createBallotSession(database.db, { year: 2025, title: "Phiên có phiếu văn bản" }, context);
    await openBallot(database.db, written.id, { ...context, translate: (_locale, key) => key });
    const entered = await castBallot(
      database.db,
      seal,
      { sessionId: written.id, personId: id.C7 as number, disagree: [1], change: false, how: "written" },
      context,
    );
    expect(entered).toBe("cast");
    expect(
      await castBallot(database.db, seal, { sessionId: written.id, personId: id.C7 as number, disagree: [], change: false, how: "written" }, context),
    ).toBe("already-voted");
    expect(await database.db.select({ how: ballotVoters.how }).from(ballotVoters).where(eq(ballotVoters.sessionId, written.id))).toEqual([{ how: "written" }]);

    // Counted on paper in the meeting room: entered per candidate, closed without chat voting.
    const paper = await createBallotSession(database.db, { year: 2025, title: "Phiên bỏ phiếu giấy" }, context);
    expect(await enterPaperCount(database.db, { sessionId: paper.id, position: 2, agree: 6, disagree: 1 }, context)).toBe("entered");
    expect(await enterPaperCount(database.db, { sessionId: paper.id, position: 3, agree: 5, disagree: 2 }, context)).toBe("entered");
    expect(await enterPaperCount(database.db, { sessionId: paper.id, position: 9, agree: 5, disagree: 2 }, context)).toBe("not-found");
    expect(await closeBallot(database.db, seal, paper.id, context)).toBe(true);
    const tally = await ballotTally(database.db, paper.id);
    // 6/7 = 85.7 % ≥ 80 %; 5/7 = 71.4 % < 80 %; the LĐTT candidate got no paper count and no chat votes.
    expect(tally !== "not-closed" && tally.candidates.map((candidate) => [candidate.position, candidate.agree, candidate.passed])).toEqual([
      [1, 0, false],
      [2, 6, true],
      [3, 5, false],
    ]);
    expect(await enterPaperCount(database.db, { sessionId: paper.id, position: 2, agree: 7, disagree: 0 }, context)).toBe("closed");
  });
});
