import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askFor, type ChatWorld, nextWithChoices, startChatWorld } from "../support/chat-world.js";
import { openTestDatabase, type TestDatabase } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { importRosterText } from "../support/people.js";
import { approvedIn2025 } from "../support/registrations.js";

// Seven council members, three on Telegram and one on Zalo; two candidates. Runs only on a real
// server (vitest.config.ts includes test/pg when DATABASE_URL is set): pageinspect reads pages.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
${[1, 2, 3, 4, 5, 6, 7].map((n) => `VP,Văn phòng,C${n},Thành Viên ${n},,council`).join("\n")}
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
`;
const AT = "2026-01-20T09:00:00+07:00";
// Every table a ballot writes or reads while it is cast, changed and closed.
const BALLOT_TABLES = ["ballot_sessions", "ballot_candidates", "ballot_voters", "sealed_ballots", "ballots", "ballot_drafts", "audit_log", "pending_choices"];

describe("the secret ballot against a reader of the whole database (docs/ballot-secrecy.md)", () => {
  let database: TestDatabase;
  let telegram: ChatWorld;
  let zalo: ChatWorld;
  let owner: postgres.Sql;

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    telegram = await startChatWorld("telegram", database.db, { at: AT, mode: "webhook" });
    zalo = await startChatWorld("zalo", database.db, { at: AT, mode: "webhook" });
    await importRosterText(database.db, ROSTER);
    for (const [code, chat] of Object.entries({ S: 9101, C1: 9102, C2: 9103, C3: 9104 })) await telegram.link(database.db, code, chat);
    await zalo.link(database.db, "C4", 9105);
    // As the database's owner would read it, beside the bot's own connection.
    owner = postgres(database.url as string, { max: 1, onnotice: () => {} });
    await owner`create extension if not exists pageinspect`;
  });

  afterAll(async () => {
    await owner?.end();
    await zalo?.close();
    await telegram?.close();
    await database?.close();
  });

  /** The secretariat's command, answered by the reply that says `answer` (a /ballot new may warn first). */
  const secretariat = (text: string, answer: string) => askFor(telegram.user({ id: 9101, first_name: "Thư" }), text, answer);

  /** Votes in chat: presses "Đổi N" for each position disagreed with, then submits (or changes). */
  async function vote(world: ChatWorld, chat: number, id: string, disagree: number[], change = false) {
    const member = world.user({ id: chat, first_name: `M${chat}` });
    let ballot = await member.ask(`/vote ${id}`);
    for (const position of disagree) {
      member.press(ballot, `Đổi ${position}`);
      ballot = await nextWithChoices(member);
    }
    member.press(ballot, "📨 Nộp phiếu");
    if (!change) return nextWith(member, "Đã nhận phiếu");
    member.press(await nextWith(member, "Bạn đã bỏ phiếu"), "✏️ Đổi phiếu");
    return nextWith(member, "Đã đổi phiếu");
  }

  it("links no member to a choice after a close: not by transaction, dead rows, order, a stored option or a key", async () => {
    await approvedIn2025(database.db, { A: { titleCode: "LDTT" }, B: { titleCode: "LDTT" } }, telegram.clock.now());
    const id = /số (\d+)/.exec((await secretariat("/ballot new 2025 Phiên xét thi đua", "Đã tạo")).text)?.[1] as string;
    await secretariat(`/ballot open ${id}`, "Đã mở");
    // C1 disagrees with 2, C2 agrees then changes to disagree with 1, C3 agrees, C4 (Zalo) disagrees with 1 and 2.
    await vote(telegram, 9102, id, [2]);
    await vote(telegram, 9103, id, []);
    await vote(telegram, 9103, id, [1], true);
    await vote(telegram, 9104, id, []);
    await vote(zalo, 9105, id, [1, 2]);
    // 4 of 7 voted (more than half): Nguyễn An 2 agree, 2 disagree; Trần Bình 2 agree, 2 disagree.
    const tally = await secretariat(`/ballot close ${id}`, "Kết quả bỏ phiếu kín");
    expect(tally.text).toContain("4/7 thành viên đã bỏ phiếu");
    expect(tally.text).toContain("1. Nguyễn An (Phòng Nghiệp vụ) — Lao động tiên tiến: 2 đồng ý, 2 không đồng ý");

    const session = Number(id);
    const voters = await owner<{ person_id: string; xmin: string }[]>`select person_id, xmin::text from ballot_voters where session_id = ${session}`;
    expect(voters).toHaveLength(4);
    const voterTransactions = voters.map((voter) => voter.xmin);

    // 1. Transactions: nothing a voter's transaction wrote, live or dead, in any table, holds marks.
    //    The counted ballots were all written by the close's one transaction.
    const counted = await owner<{ xmin: string; disagree: number[] }[]>`select xmin::text, disagree from ballots where session_id = ${session}`;
    expect(counted.map((ballot) => ballot.disagree.join(",")).sort()).toEqual(["1", "1,2", "2", ""].sort());
    expect(new Set(counted.map((ballot) => ballot.xmin)).size).toBe(1);
    expect(voterTransactions).not.toContain(counted[0]?.xmin);
    const [close] = await owner<{ xmin: string }[]>`select xmin::text from audit_log where action = 'ballot.close' and subject = ${`ballot:${id}`}`;
    expect(close?.xmin).toBe(counted[0]?.xmin);
    for (const table of BALLOT_TABLES) {
      const tuples = await pageTuples(owner, table);
      // Dead versions included: what a voter's transaction left there is a voter row, an audit
      // row that says "voted", or a sealed ballot — never a row of counted marks.
      const fromVoters = tuples.filter((tuple) => voterTransactions.includes(tuple.xmin));
      if (table === "ballots") expect(fromVoters).toEqual([]);
      if (table === "audit_log") for (const tuple of fromVoters) expect(tuple.text).not.toMatch(/disagree|\[\d/);
    }

    // 2. Sealed ballots and drafts, dead now: all of one length, so their size says nothing, and
    //    none holds the marks in the clear (an int[] would show as a PostgreSQL array header).
    const sealed = (await pageTuples(owner, "sealed_ballots")).filter((tuple) => voterTransactions.includes(tuple.xmin));
    expect(sealed.length).toBeGreaterThanOrEqual(4);
    expect(new Set(sealed.map((tuple) => tuple.length)).size).toBe(1);
    expect(await owner`select * from sealed_ballots where session_id = ${session}`).toHaveLength(0);
    expect(await owner`select * from ballot_drafts where session_id = ${session}`).toHaveLength(0);

    // 3. No key that made the references is anywhere in the session's row, in any version.
    for (const tuple of await pageTuples(owner, "ballot_sessions")) expect(tuple.text).not.toMatch(/[A-Za-z0-9_-]{43}/);

    // 4. Order: the counted ballots' physical order is the close's shuffle; their references are
    //    new and random, none a sealed ballot's reference (which a holder of the secret could make).
    const refs = await owner<{ ballot_ref: string }[]>`select ballot_ref from ballots where session_id = ${session} order by ctid`;
    const sealedRefs = sealed.map((tuple) => tuple.text);
    for (const { ballot_ref } of refs) expect(sealedRefs.some((text) => text.includes(ballot_ref))).toBe(false);

    // 5. The numbered options a Zalo member was shown never carried the mark: no ✓ or ✗ label, live or dead.
    for (const tuple of await pageTuples(owner, "pending_choices")) expect(tuple.text).not.toMatch(/[✓✗]/);
  });

  it("shows no count and reports the session void when 1 of 7 members voted", async () => {
    const id = /số (\d+)/.exec((await secretariat("/ballot new 2025 Phiên thứ hai", "Đã tạo")).text)?.[1] as string;
    await secretariat(`/ballot open ${id}`, "Đã mở");
    await vote(zalo, 9105, id, [1]);
    const tally = await secretariat(`/ballot close ${id}`, "Kết quả bỏ phiếu kín");
    expect(tally.text).toBe(
      [
        `Kết quả bỏ phiếu kín phiên số ${id}: 1/7 thành viên đã bỏ phiếu.`,
        "⚠️ Phiên bỏ phiếu không hợp lệ: chưa đủ quá nửa tổng số thành viên bỏ phiếu. Không có kết quả kiểm phiếu (số phiếu của ít người sẽ lộ ai chọn gì); không ứng viên nào đạt ở phiên này.",
      ].join("\n"),
    );
    // Nothing counted exists to be read, and the decision on it is refused.
    expect(await owner`select * from ballots where session_id = ${Number(id)}`).toHaveLength(0);
    expect((await secretariat(`/ballot decide ${id} 1/QĐ 20/01/2026 Giám Đốc`, "Phiên")).text).toContain("không hợp lệ");
  });
});

/** Every tuple of a table's pages, dead ones included, with its xmin and its bytes as text. */
async function pageTuples(sql: postgres.Sql, table: string): Promise<{ xmin: string; length: number; text: string }[]> {
  const [size] = await sql<{ pages: number }[]>`select (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::int as pages`;
  const tuples: { xmin: string; length: number; text: string }[] = [];
  for (let page = 0; page < (size?.pages ?? 0); page++) {
    const rows = await sql<{ t_xmin: string; t_data: Buffer | null }[]>`
      select t_xmin::text, t_data from heap_page_items(get_raw_page(${table}, ${page})) where t_data is not null`;
    for (const row of rows) {
      const bytes = row.t_data ?? Buffer.alloc(0);
      tuples.push({ xmin: row.t_xmin, length: bytes.length, text: bytes.toString("latin1") + bytes.toString("utf8") });
    }
  }
  return tuples;
}
