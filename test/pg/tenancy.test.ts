import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/db/client.js";
import { cliActor } from "../../src/services/audit.js";
import { parsePlanBytes } from "../../src/services/plans/file.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { memberFigures, provinceRollup, setParentAgency } from "../../src/services/province/index.js";
import { askFor, type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { openTestDatabase, type TestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";
import { approvedIn2025 } from "../support/registrations.js";

// Two agencies on one Postgres (issue 39): the bot's connections are opened as the role tdkt_bot
// with their agency set, and row-level security keeps each agency's rows from the other. Runs
// only on a real server (test/pg): PGlite has one connection.
const PLAN = readFileSync(new URL("../fixtures/tdkt-plan-2024-thanh-tra-lang-son.md", import.meta.url));
// Both agencies have a "VP" unit and a staff code "S": codes are unique within an agency only.
const rosterOf = (prefix: string) => `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,${prefix} Thư Ký,Chánh Văn phòng,head;secretariat
NV,Phòng Nghiệp vụ,${prefix}1,${prefix} Một,,staff
NV,Phòng Nghiệp vụ,${prefix}2,${prefix} Hai,,staff
`;
const AT = "2025-02-03T09:00:00+07:00";

describe.each(PLATFORMS)("agencies as tenants of one database (row-level security), chatting on %s", (platform) => {
  let a: TestDatabase;
  let b: DatabaseHandle;
  let p: DatabaseHandle;
  let owner: postgres.Sql;
  let nobody: postgres.Sql;
  let bId: number;
  let world: ChatWorld;

  /** What an agency's ordinary year leaves in the database: staff, chats, a plan, registrations, a chat. */
  async function aYearOf(database: DatabaseHandle, prefix: string, chatWorld: ChatWorld) {
    await importRosterText(database.db, rosterOf(prefix));
    const plan = await parsePlanBytes(PLAN, "ke-hoach-2024.md");
    await savePlan(database.db, await previewPlan(database.db, plan, "Asia/Ho_Chi_Minh"), { clock: () => new Date(AT), actor: cliActor, source: "test" });
    await approvedIn2025(database.db, { [`${prefix}1`]: { titleCode: "LDTT" }, [`${prefix}2`]: { titleCode: "CSTDCS" } }, new Date(AT));
    await chatWorldLink(chatWorld, database, prefix);
  }
  async function chatWorldLink(chatWorld: ChatWorld, database: DatabaseHandle, prefix: string) {
    await chatWorld.link(database.db, "S", prefix === "A" ? 7001 : 7002);
    await askFor(chatWorld.user({ id: prefix === "A" ? 7001 : 7002, first_name: prefix }), "/me", `${prefix} Thư Ký`);
  }

  beforeAll(async () => {
    a = await openTestDatabase("postgres");
    owner = postgres(a.url as string, { max: 1, onnotice: () => {} });
    const [created] = await owner<{ id: number }[]>`insert into agencies (code, name) values ('B', 'Sở B') returning id`;
    bId = (created as { id: number }).id;
    b = await openDatabase({ databaseUrl: a.url as string, agencyId: bId });
    nobody = postgres(a.url as string, { max: 1, onnotice: () => {}, connection: { role: "tdkt_bot" } });
    world = await startChatWorld(platform, a.db, { at: AT });
    const worldOfB = await startChatWorld(platform, b.db, { at: AT });
    await aYearOf(a, "A", world);
    await aYearOf(b, "B", worldOfB);
    await worldOfB.close();
    // The province's Ban Thi đua - Khen thưởng, an agency of its own, following A and B.
    const [province] = await owner<{ id: number }[]>`insert into agencies (code, name) values ('BTDKT', 'Ban Thi đua - Khen thưởng tỉnh') returning id`;
    await a.asOwner((db) => setParentAgency(db, { code: "DEFAULT", parentCode: "BTDKT" }));
    await a.asOwner((db) => setParentAgency(db, { code: "B", parentCode: "BTDKT" }));
    p = await openDatabase({ databaseUrl: a.url as string, agencyId: (province as { id: number }).id });
    await importRosterText(p.db, "unit_code,unit_name,staff_code,full_name,position,roles\nTD,Phòng Thi đua,P1,Cán Bộ Tỉnh,,secretariat\n");
  });
  afterAll(async () => {
    await world?.close();
    await nobody?.end();
    await owner?.end();
    await p?.close();
    await b?.close();
    await a?.close();
  });

  /** Every table of the schema the bot uses, as the owner lists them. */
  async function tables(): Promise<string[]> {
    const rows = await owner<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by 1`;
    return rows.map((row) => row.name);
  }

  it("shows agency A's connection no row of agency B in any table, and B's none of A's", async () => {
    // Every table carries its agency but those agencies share: the clusters the province keeps and
    // the mail between agencies, seen by sender and addressee only (test/pg/province.test.ts).
    const shared = await owner<{ name: string }[]>`select t.tablename as name from pg_tables t where t.schemaname = 'public' and t.tablename <> 'agencies'
      and not exists (select 1 from information_schema.columns c where c.table_name = t.tablename and c.column_name = 'agency_id') order by 1`;
    expect(shared.map((row) => row.name)).toEqual(["agency_mail", "agency_mail_files", "clusters"]);
    // A cluster's members: its agency_id is the member's, and every member sees the others.
    const everyTable = (await tables()).filter((table) => table !== "cluster_members" && !shared.some((row) => row.name === table));
    // What the owner sees: both agencies wrote to the tables an ordinary year writes.
    const written: string[] = [];
    for (const table of everyTable) {
      if (table === "agencies") continue;
      const [row] = await owner.unsafe<{ a: number; b: number }[]>(
        `select count(*) filter (where agency_id = 1)::int as a, count(*) filter (where agency_id = ${bId})::int as b from "${table}"`,
      );
      if ((row?.a ?? 0) > 0 && (row?.b ?? 0) > 0) written.push(table);
    }
    expect(written).toEqual(
      expect.arrayContaining(["audit_log", "chat_accounts", "people", "plan_task_units", "plan_tasks", "plans", "registrations", "units"]),
    );

    for (const table of everyTable) {
      const column = table === "agencies" ? "id" : "agency_id";
      for (const [database, own] of [
        [a, 1],
        [b, bId],
      ] as const) {
        const [seen] = await queryRows<{ others: number; total: number }>(
          database.db,
          sql`select count(*) filter (where ${sql.identifier(column)} <> ${own})::int as others, count(*)::int as total from ${sql.identifier(table)}`,
        );
        expect({ table, own, others: seen?.others }).toEqual({ table, own, others: 0 });
        if (written.includes(table)) expect(seen?.total).toBeGreaterThan(0);
      }
    }
  });

  it("shows a connection with no agency set nothing at all, and lets it write nothing", async () => {
    for (const table of await tables()) {
      const [row] = await nobody.unsafe<{ total: number }[]>(`select count(*)::int as total from "${table}"`);
      expect({ table, total: row?.total }).toEqual({ table, total: 0 });
    }
    await expect(nobody`insert into units (code, name) values ('X', 'Không ai')`).rejects.toThrow(/null value in column "agency_id"|row-level security/);
  });

  it("is not the tables' owner: the bot's role is tdkt_bot, which owns nothing", async () => {
    const [who] = await queryRows<{ role: string; owned: number }>(
      a.db,
      sql`select current_user as role, (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`,
    );
    expect(who).toEqual({ role: "tdkt_bot", owned: 0 });
  });

  it("gives the province's administrator every agency's figures side by side, on the owner's connection only", async () => {
    const now = new Date("2026-01-05T02:00:00Z");
    // Each agency: three active staff, two registrations of 2025, both approved, nothing proposed or awarded yet.
    const year2025 = { people: 3, registered: 2, approved: 2, proposedUp: 0, awarded: 0, lateDuties: 0 };
    expect(await a.asOwner((db) => provinceRollup(db, 2025, now))).toEqual([
      { code: "B", name: "Sở B", ...year2025 },
      // The province's own office: one member of staff, nothing of the year.
      { code: "BTDKT", name: "Ban Thi đua - Khen thưởng tỉnh", people: 1, registered: 0, approved: 0, proposedUp: 0, awarded: 0, lateDuties: 0 },
      { code: "DEFAULT", name: "Cơ quan", ...year2025 },
    ]);
    // The 2024 plan's shares were all due before 2026 and none is done: every share is late.
    const shares = await owner<
      { agency: number; shares: number }[]
    >`select agency_id as agency, count(*)::int as shares from plan_task_units group by 1 order by 1`;
    const late = (await a.asOwner((db) => provinceRollup(db, 2024, now))).map((figures) => figures.lateDuties);
    expect(late).toEqual([shares.find((row) => row.agency === bId)?.shares, 0, shares.find((row) => row.agency === 1)?.shares]);
    expect(late[0]).toBeGreaterThan(0);
    // An agency's own connection sees its own agency only.
    expect((await provinceRollup(a.db, 2025, now)).map((figures) => figures.code)).toEqual(["DEFAULT"]);
  });

  it("shows the province's officer, in chat, the figures of the agencies under the province and nothing of their rows", async () => {
    const provinceWorld = await startChatWorld(platform, p.db, { at: AT });
    try {
      await provinceWorld.link(p.db, "P1", 7003);
      const answer = await askFor(provinceWorld.user({ id: 7003, first_name: "P" }), "/agencies 2025", "Các cơ quan thành viên");
      // Each: 3 staff, 2 registrations, both approved, none proposed or awarded, no late duty of 2025, no report asked.
      expect(answer.text).toContain("Sở B (B): 3 · 2 · 2 · 0 · 0 · 0 · 0");
      expect(answer.text).toContain("Cơ quan (DEFAULT): 3 · 2 · 2 · 0 · 0 · 0 · 0");
      // The counts, not the rows: the province's connection sees no member's people.
      const [seen] = await queryRows<{ people: number }>(p.db, sql`select count(*)::int as people from people`);
      expect(seen?.people).toBe(1);
      // An agency with no members sees none; the figures function alone gives an agency its own row only.
      expect(await memberFigures(a.db, 2025, new Date(AT))).toEqual([]);
      const own = await queryRows<{ code: string }>(b.db, sql`select code from tdkt_agency_figures(2025, now())`);
      expect(own).toEqual([{ code: "B" }]);
    } finally {
      await provinceWorld.close();
    }
  });

  it("does not let A's secretariat reach B's people through a command", async () => {
    const secretary = world.user({ id: 7001, first_name: "A" });
    // B1 and B2 exist, in agency B only.
    expect((await askFor(secretary, "/invite B1", "Không có cán bộ")).text).toContain("Không có cán bộ nào mang mã B1");
    expect((await askFor(secretary, "/discipline B2 xem-xet", "Không có cán bộ")).text).toContain("Không có cán bộ mã B2");
    // "S" is a staff code in both: A's secretariat acts on A's S only.
    expect((await askFor(secretary, "/discipline S xem-xet", "A Thư Ký")).text).not.toContain("B Thư Ký");
    const [bSecretary] = await queryRows<{ discipline: unknown }>(b.db, sql`select discipline from people where staff_code = 'S'`);
    expect(bSecretary?.discipline).toBeNull();
  });
});
