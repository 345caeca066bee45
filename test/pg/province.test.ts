import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/db/client.js";
import { titleAwards } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { addCluster, addMemberAgency, exchangeMail, joinCluster, openChannelValue, setParentAgency } from "../../src/services/province/index.js";
import { saveAgencySetting } from "../../src/services/rules/index.js";
import { askFor, type ChatTestUser, type ChatWorld, nextWithChoices, PLATFORMS, startChatWorld, type TestPlatform } from "../support/chat-world.js";
import { openTestDatabase, type TestDatabase } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { importRosterText } from "../support/people.js";
import { nextFile } from "../support/received-files.js";
import { approvedIn2025 } from "../support/registrations.js";

// A province on one deployment (issue 39): three agencies — two on Telegram, one on a Zalo Official
// Account — and the province's Ban Thi đua - Khen thưởng, each with its own bot, on one Postgres.
// Each agency's process exchanges mail with the others every minute (the scheduler); here the test
// runs that minute itself, agency by agency, as each process would.
const HEADER = "unit_code,unit_name,staff_code,full_name,position,roles";
const AGENCIES = {
  A: {
    platform: "telegram" as TestPlatform,
    code: "DEFAULT",
    name: "Sở Nội vụ",
    roster: `${HEADER}
VP,Văn phòng,S,An Thư Ký,,secretariat
VP,Văn phòng,G,An Giám Đốc,Giám đốc,leader
VP,Văn phòng,C1,Thành Viên Một,,council
VP,Văn phòng,C2,Thành Viên Hai,,council
VP,Văn phòng,C3,Thành Viên Ba,,council
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
NV,Phòng Nghiệp vụ,T1,Đoàn Một,,staff
NV,Phòng Nghiệp vụ,T2,Đoàn Hai,,staff
`,
    chats: { S: 9101, G: 9102, C1: 9103, C2: 9104, C3: 9105, H: 9106, B: 9107, T1: 9108, T2: 9109 } as Record<string, number>,
  },
  B: {
    platform: "telegram" as TestPlatform,
    code: "SXD",
    name: "Sở Xây dựng",
    roster: `${HEADER}
VP,Văn phòng,S,Bích Thư Ký,,secretariat
VP,Văn phòng,G,Bảo Giám Đốc,Giám đốc,leader
KT,Phòng Kỹ thuật,N1,Bùi Nhân,,staff
`,
    chats: { S: 9201, G: 9202, N1: 9203 } as Record<string, number>,
  },
  C: {
    platform: "zalo_oa" as TestPlatform,
    code: "SYT",
    name: "Sở Y tế",
    roster: `${HEADER}
VP,Văn phòng,S,Cúc Thư Ký,,secretariat
VP,Văn phòng,G,Cường Giám Đốc,Giám đốc,leader
YT,Phòng Nghiệp vụ Y,N1,Chu Nam,,staff
`,
    chats: { S: 9301, G: 9302, N1: 9303 } as Record<string, number>,
  },
  P: {
    platform: "telegram" as TestPlatform,
    code: "BTDKT",
    name: "Ban Thi đua - Khen thưởng tỉnh",
    roster: `${HEADER}
TD,Phòng Thi đua,P1,Phan Cán Bộ,,secretariat
LD,Lãnh đạo Ban,PG,Phạm Trưởng Ban,Trưởng ban,leader
HD,Hội đồng,PC1,Hội Đồng Một,,council
HD,Hội đồng,PC2,Hội Đồng Hai,,council
HD,Hội đồng,PC3,Hội Đồng Ba,,council
TD,Phòng Thi đua,PA,Quản Trị Tỉnh,,admin
`,
    chats: { P1: 9401, PG: 9402, PC1: 9403, PC2: 9404, PC3: 9405, PA: 9406 } as Record<string, number>,
  },
};
type Key = keyof typeof AGENCIES;
const CHANNEL_SECRETS_KEY = "the-province-tests-channel-secrets-key-0123456789";
const i18n = createI18n();
const translate = (locale: string, key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);

// The acceptance's province: A and B on Telegram, C on the Official Account, P on Telegram. Every
// chat platform plays the two sides of the proposal and of the inspection in turn: A and P on it.
describe.each(PLATFORMS)(
  "a province on one deployment, A and the province chatting on %s: launches, roll-up, proposals up and decisions back, a cross-inspection",
  (platform) => {
    let first: TestDatabase;
    let owner: postgres.Sql;
    const databases = {} as Record<Key, DatabaseHandle>;
    const worlds = {} as Record<Key, ChatWorld>;
    const user = (agency: Key, staff: string): ChatTestUser => worlds[agency].user({ id: AGENCIES[agency].chats[staff] as number, first_name: staff });
    /** One minute of an agency's process: the mail from the others taken in and answered, then its outbox sent. */
    async function minuteOf(agency: Key): Promise<{ received: number; answered: number }> {
      const world = worlds[agency];
      const exchanged = await exchangeMail(databases[agency].db, {
        clock: world.clock.now,
        actor: { personId: null, label: "scheduler" },
        translate,
        timeZone: "Asia/Ho_Chi_Minh",
      });
      await world.deliverNotifications(databases[agency].db);
      expect(exchanged.failed).toEqual([]);
      return { received: exchanged.received, answered: exchanged.answered };
    }
    const texts = (agency: Key, staff: string) => worlds[agency].unread(AGENCIES[agency].chats[staff] as number).map((shown) => shown.text);
    const readAll = (agency: Key) => {
      for (const chat of Object.values(AGENCIES[agency].chats)) worlds[agency].markRead(chat);
    };

    beforeAll(async () => {
      first = await openTestDatabase("postgres");
      owner = postgres(first.url as string, { max: 1, onnotice: () => {} });
      await owner`update agencies set code = 'DEFAULT', name = ${AGENCIES.A.name} where id = 1`;
      for (const key of ["B", "C", "P"] as const) await owner`insert into agencies (code, name) values (${AGENCIES[key].code}, ${AGENCIES[key].name})`;
      const ids = new Map((await owner<{ id: number; code: string }[]>`select id, code from agencies`).map((row) => [row.code, row.id]));
      for (const key of Object.keys(AGENCIES) as Key[]) {
        const agency = AGENCIES[key];
        databases[key] = key === "A" ? first : await openDatabase({ databaseUrl: first.url as string, agencyId: ids.get(agency.code) as number });
        await importRosterText(databases[key].db, agency.roster);
        await saveAgencySetting(databases[key].db, "agency-name", agency.name, { clock: () => new Date(), actor: cliActor });
        const on = key === "A" || key === "P" ? platform : agency.platform;
        worlds[key] = await startChatWorld(on, databases[key].db, {
          at: "2026-01-20T09:00:00+07:00",
          // The Zalo Bot Platform hands files out as links to the bot's own server.
          ...(on === "zalo" ? { mode: "webhook" as const } : {}),
          ...(key === "P" ? { env: { CHANNEL_SECRETS_KEY } } : {}),
        });
        for (const [staff, chat] of Object.entries(agency.chats)) await worlds[key].link(databases[key].db, staff, chat);
      }
      for (const key of ["A", "B", "C"] as const) await first.asOwner((db) => setParentAgency(db, { code: AGENCIES[key].code, parentCode: "BTDKT" }));
      await first.asOwner(async (db) => {
        await addCluster(db, { code: "CUM1", name: "Cụm thi đua các sở" });
        await joinCluster(db, { cluster: "CUM1", agency: "DEFAULT", leadsIn: 2026 });
        await joinCluster(db, { cluster: "CUM1", agency: "SXD" });
        await joinCluster(db, { cluster: "CUM1", agency: "SYT" });
      });
      // A's year 2025, as its council will review it: Trần Bình's CSTĐ tỉnh, Hoàng Hà's LĐTT.
      await approvedIn2025(
        databases.A.db,
        { B: { titleCode: "CSTD_BO_TINH", initiativeTitle: "Số hóa hồ sơ" }, H: { titleCode: "LDTT" } },
        worlds.A.clock.now(),
      );
    });
    afterAll(async () => {
      for (const world of Object.values(worlds)) await world.close();
      for (const key of ["B", "C", "P"] as const) await databases[key]?.close();
      await owner?.end();
      await first?.close();
    });

    it("lets each agency launch to its own staff through its own channel, and the province follow all three", async () => {
      const announcement = "Phát động phong trào thi đua năm 2026";
      for (const key of ["A", "B", "C"] as const) {
        const secretary = user(key, "S");
        secretary.send("/launch 30/01/2026 Phong trào thi đua năm 2026");
        await nextWith(secretary, "nội dung thông báo phát động");
        secretary.send(announcement);
        secretary.press(await nextWithChoices(secretary), "Không đính kèm");
        secretary.press(await nextWithChoices(secretary), "Mọi người");
        const staff = Object.keys(AGENCIES[key].chats).length;
        const confirm = await nextWith(secretary, "Sẽ phát động");
        secretary.press(confirm, `📣 Gửi cho ${staff} người`);
        await nextWith(secretary, "Đang");
      }
      for (const key of ["A", "B", "C"] as const) {
        // The secretary's own preview of the launch is not a launch received.
        worlds[key].markRead(AGENCIES[key].chats.S as number);
        await worlds[key].deliverNotifications(databases[key].db);
      }
      // Everyone of each agency, its secretary too, has the launch once, from their own agency's bot;
      // the province's people, who launched nothing, have none.
      for (const key of ["A", "B", "C"] as const)
        for (const staff of Object.keys(AGENCIES[key].chats)) {
          const launches = texts(key, staff).filter((text) => text.includes(announcement) && text.includes("Hạn đăng ký: hết ngày 30/01/2026"));
          expect({ key, staff, launches: launches.length }).toEqual({ key, staff, launches: 1 });
          expect(launches[0]).toContain(`Người gửi: ${key === "A" ? "An" : key === "B" ? "Bích" : "Cúc"} Thư Ký`);
        }
      for (const staff of Object.keys(AGENCIES.P.chats)) expect(texts("P", staff).filter((text) => text.includes(announcement))).toEqual([]);
      for (const key of ["A", "B", "C"] as const) readAll(key);

      const rollup = await askFor(user("P", "P1"), "/agencies 2025", "Các cơ quan thành viên");
      // Staff · registered · approved · proposed · awarded · late duties: A has 9 staff and two 2025 registrations, approved.
      expect(rollup.text.split("\n").slice(1)).toEqual([
        "• Sở Nội vụ (DEFAULT): 9 · 2 · 2 · 0 · 0 · 0 · 0",
        "• Sở Xây dựng (SXD): 3 · 0 · 0 · 0 · 0 · 0 · 0",
        "• Sở Y tế (SYT): 3 · 0 · 0 · 0 · 0 · 0 · 0",
      ]);
    });

    it("sends A's CSTĐ tỉnh proposal with its dossier to the province, whose council votes and chairman decides; A's bot tells the registrant", async () => {
      const secretary = user("A", "S");
      worlds.A.clock.set("2026-01-20T09:00:00+07:00");
      const created = await secretary.ask("/ballot new 2025 Phiên xét thi đua năm 2025");
      const session = /số (\d+)/.exec(created.text)?.[1];
      expect(created.text).toContain("2 ứng viên");
      await vote("A", ["C1", "C2", "C3"], session as string, secretary);
      worlds.A.clock.set("2026-02-06T09:00:00+07:00");
      expect((await askFor(secretary, `/ballot decide ${session} 12/QĐ-SNV 05/02/2026 Giám đốc Sở`, "được công nhận")).text).toMatch(
        /1 được công nhận, 1 được đề nghị lên cấp trên/,
      );
      readAll("A");
      await worlds.A.deliverNotifications(databases.A.db);
      expect(texts("A", "B")).toEqual([
        "📤 Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua bộ, ban, ngành, tỉnh: Hội đồng Thi đua, Khen thưởng của cơ quan đã bỏ phiếu đề nghị (3/3 thành viên đồng ý). Danh hiệu này do Bộ trưởng, Thủ trưởng ngành, Chủ tịch UBND tỉnh quyết định: hồ sơ đề nghị được gửi lên, bạn sẽ được báo khi có quyết định.",
      ]);
      expect((await secretary.ask(`/ballot send ${session}`)).text).toBe(
        `📤 Đã gửi 1 đề nghị của phiên số ${session} cùng 4 tệp hồ sơ lên Ban Thi đua - Khen thưởng tỉnh. Khi có quyết định, kết quả được ghi vào hồ sơ thi đua và từng người được báo.`,
      );
      expect((await secretary.ask(`/ballot send ${session}`)).text).toContain("đã được gửi lên Ban Thi đua - Khen thưởng tỉnh trước đây");

      // The province's minute: the proposal is taken in, its officers told.
      worlds.P.clock.set("2026-02-06T10:00:00+07:00");
      readAll("P");
      expect(await minuteOf("P")).toEqual({ received: 1, answered: 0 });
      const [told] = texts("P", "P1");
      const mail = /\/received (\d+)/.exec(told ?? "")?.[1];
      expect(told).toBe(
        `📥 Sở Nội vụ đã gửi 1 đề nghị khen thưởng năm 2025 kèm hồ sơ. Các ứng viên đã có trong danh sách bỏ phiếu của Hội đồng (/ballot new 2025); tệp hồ sơ: /received ${mail}.`,
      );
      expect(texts("P", "PG")).toEqual([told]);
      const officer = user("P", "P1");
      expect((await askFor(officer, "/received", "Hồ sơ đề nghị")).text.split("\n")).toEqual([
        "Hồ sơ đề nghị các cơ quan gửi đến (1):",
        `• Số ${mail} — Sở Nội vụ, năm 2025: 1 đề nghị, 0 đã có kết quả · nhận ngày 06/02/2026`,
      ]);
      officer.send(`/received ${mail}`);
      for (const name of [
        /^to-trinh-de-nghi-khen-thuong-2025\.docx$/,
        /^danh-sach-de-nghi-2025\.xlsx$/,
        /^bien-ban-hoi-dong-phien-\d+\.docx$/,
        /^bao-cao-thanh-tich-1\.docx$/,
      ])
        expect((await nextFile(worlds.P, officer, name)).bytes.length).toBeGreaterThan(1000);
      // The province's connection holds the candidate in its own rows, never A's.
      const [seen] = await queryRows<{ people: number }>(databases.P.db, sql`select count(*)::int as people from people where full_name = 'Trần Bình'`);
      expect(seen?.people).toBe(1);

      // The province council's secret ballot, then the chairman's decision, entered once.
      const provinceSession = /số (\d+)/.exec((await officer.ask("/ballot new 2025 Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh")).text)?.[1];
      await vote("P", ["PC1", "PC2", "PC3"], provinceSession as string, officer);
      worlds.P.clock.set("2026-03-21T09:00:00+07:00");
      expect((await askFor(officer, `/ballot decide ${provinceSession} 123/QĐ-UBND 20/03/2026 Chủ tịch UBND tỉnh`, "được công nhận")).text).toMatch(
        /1 được công nhận, 0 được đề nghị lên cấp trên.*, 0 không đạt/,
      );
      expect(await minuteOf("P")).toEqual({ received: 0, answered: 1 });

      // A's minute: the decision becomes A's record and Trần Bình is told by A's bot.
      worlds.A.clock.set("2026-03-21T10:00:00+07:00");
      readAll("A");
      expect(await minuteOf("A")).toEqual({ received: 1, answered: 0 });
      expect(texts("A", "B")).toEqual([
        "🏅 Chúc mừng! Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua bộ, ban, ngành, tỉnh: được công nhận theo Quyết định số 123/QĐ-UBND ngày 20/03/2026 (Chủ tịch UBND tỉnh).",
      ]);
      const awards = await databases.A.db
        .select({ title: titleAwards.titleCode, signer: titleAwards.signer, number: titleAwards.decisionNumber })
        .from(titleAwards);
      expect(awards.map((award) => `${award.title} ${award.number} ${award.signer}`).sort()).toEqual([
        "CSTD_BO_TINH 123/QĐ-UBND Chủ tịch UBND tỉnh",
        "LDTT 12/QĐ-SNV Giám đốc Sở",
      ]);
      // Every minute after: nothing moves twice.
      expect(await minuteOf("P")).toEqual({ received: 0, answered: 0 });
      expect(await minuteOf("A")).toEqual({ received: 0, answered: 0 });
      expect((await askFor(officer, "/received", "Hồ sơ đề nghị")).text).toContain("1 đề nghị, 1 đã có kết quả");
    });

    it("schedules a cross-inspection of B by A's team with 5 days' notice; B is told, and B's report reaches A's team", async () => {
      const secretary = user("A", "S");
      worlds.A.clock.set("2026-03-21T10:00:00+07:00");
      expect((await askFor(secretary, "/cluster", "Cụm thi đua")).text.split("\n")).toEqual([
        "Cụm thi đua các sở (CUM1) — 3 cơ quan:",
        "• Sở Nội vụ (DEFAULT) — cụm trưởng năm nay",
        "• Sở Xây dựng (SXD)",
        "• Sở Y tế (SYT)",
      ]);
      // A's clock: 21/03/2026. The 23rd is 2 days away, short of the 5 days' notice.
      expect((await secretary.ask("/cluster visit SXD 23/03/2026 08:30 T1 T2")).text).toBe(
        "Chỉ còn 1 ngày, chưa đủ 5 ngày thông báo trước cho cơ quan được kiểm tra. Hãy chọn ngày muộn hơn.",
      );
      expect((await secretary.ask("/cluster visit BTDKT 30/03/2026 08:30 T1 T2")).text).toContain("Không có cơ quan mã BTDKT trong cụm");
      readAll("A");
      expect((await secretary.ask("/cluster visit SXD 30/03/2026 08:30 T1 T2")).text).toBe(
        "📅 Đã xếp lịch kiểm tra chéo Sở Xây dựng lúc 30/03/2026 08:30; báo cáo của cơ quan được kiểm tra hạn 27/03/2026. Đoàn kiểm tra: 2/2 người đã được báo; lãnh đạo và văn phòng của Sở Xây dựng sẽ được báo qua bot của cơ quan đó trong vòng một phút.",
      );
      await worlds.A.deliverNotifications(databases.A.db);
      const toTeam = "🔎 Đoàn kiểm tra chéo: làm việc với Sở Xây dựng lúc 30/03/2026 08:30; Sở Xây dựng gửi báo cáo chậm nhất ngày 27/03/2026.";
      expect(texts("A", "T1")).toEqual([toTeam]);
      expect(texts("A", "T2")).toEqual([toTeam]);

      // B's minute: its director and office are told, by B's bot; C, the cluster's third member, gets nothing.
      worlds.B.clock.set("2026-03-21T10:00:00+07:00");
      readAll("B");
      expect(await minuteOf("B")).toEqual({ received: 1, answered: 0 });
      const [notice] = texts("B", "G");
      const visit = /\/cluster report (\d+)/.exec(notice ?? "")?.[1];
      expect(notice).toBe(
        `🔎 Thông báo kiểm tra chéo công tác thi đua, khen thưởng\nĐoàn kiểm tra của Sở Nội vụ (Đoàn Một, Đoàn Hai) làm việc với cơ quan lúc 30/03/2026 08:30.\nGửi báo cáo bằng văn bản chậm nhất ngày 27/03/2026: /cluster report ${visit}.`,
      );
      expect(texts("B", "S")).toEqual([notice]);
      expect(texts("B", "N1")).toEqual([]);
      expect(await minuteOf("C")).toEqual({ received: 0, answered: 0 });

      // B's office sends the report; A's team is told where to take it.
      const report = Buffer.from("%PDF-1.4\nBáo cáo tự kiểm tra công tác thi đua, khen thưởng của Sở Xây dựng\n%%EOF\n");
      expect(await sendReport(user("B", "S"), `/cluster report ${visit}`, "bao-cao-tu-kiem-tra.pdf", report)).toBe(
        "📤 Đã gửi báo cáo bao-cao-tu-kiem-tra.pdf đến Sở Nội vụ; đoàn kiểm tra của cơ quan đó sẽ được báo.",
      );
      readAll("A");
      expect(await minuteOf("A")).toEqual({ received: 1, answered: 0 });
      const [arrived] = texts("A", "T1");
      const reportMail = /\/received (\d+)/.exec(arrived ?? "")?.[1];
      expect(arrived).toBe(
        `📄 Sở Xây dựng đã gửi báo cáo cho đợt kiểm tra chéo lúc 30/03/2026 08:30: bao-cao-tu-kiem-tra.pdf. Nhận tệp: /received ${reportMail}.`,
      );
      expect(texts("A", "S")).toEqual([arrived]);
      const member = user("A", "T1");
      member.send(`/received ${reportMail}`);
      expect((await nextFile(worlds.A, member, /^bao-cao-tu-kiem-tra\.pdf$/)).bytes).toEqual(report);
      // Not one of the team: the unit's head may not take it.
      expect((await user("A", "H").ask(`/received ${reportMail}`)).text).toContain("/received");

      // Each agency's connection sees the mail it sent or received, and no other.
      const mailSeen = async (agency: Key) =>
        (await queryRows<{ kind: string }>(databases[agency].db, sql`select kind from agency_mail order by id`)).map((row) => row.kind);
      const inspections = (kinds: string[]) => kinds.filter((kind) => kind.startsWith("inspection"));
      expect(await mailSeen("B")).toEqual(["inspection", "inspection-report"]);
      expect(await mailSeen("C")).toEqual([]);
      expect(inspections(await mailSeen("P"))).toEqual([]);
      expect(inspections(await mailSeen("A"))).toEqual(["inspection", "inspection-report"]);
    });

    it("collects the half-year reports the province asks for, says who has not sent, and reminds only them; the cluster's leader announces its meeting", async () => {
      for (const key of ["A", "B", "C", "P"] as const) worlds[key].clock.set("2026-06-01T09:00:00+07:00");
      const officer = user("P", "P1");
      expect((await askFor(officer, "/upreport ask 15/06/2026 Báo cáo sơ kết 6 tháng đầu năm 2026", "Đã yêu cầu")).text).toBe(
        "📨 Đã yêu cầu 3 cơ quan gửi báo cáo trước ngày 15/06/2026: Sở Nội vụ, Sở Xây dựng, Sở Y tế. Xem ai đã gửi bằng /upreport.",
      );
      // Only the province or a cluster's leader asks: B has no members and leads nothing.
      expect((await askFor(user("B", "S"), "/upreport ask 15/06/2026 Báo cáo", "Không có cơ quan")).text).toContain("không là cụm trưởng năm nay");
      for (const key of ["A", "B", "C"] as const) {
        readAll(key);
        expect(await minuteOf(key)).toEqual({ received: 1, answered: 0 });
      }
      const asked = texts("C", "S")[0] ?? "";
      const request = /\/upreport send (\d+)/.exec(asked)?.[1];
      expect(asked).toBe(
        `📨 Ban Thi đua - Khen thưởng tỉnh yêu cầu cơ quan gửi «Báo cáo sơ kết 6 tháng đầu năm 2026» chậm nhất ngày 15/06/2026: /upreport send ${request}.`,
      );
      expect(texts("C", "G")).toEqual([asked]);
      expect(texts("C", "N1")).toEqual([]);

      // C, on its Official Account, sends its report; the province's office is told where to take it.
      const report = Buffer.from("%PDF-1.4\nBáo cáo sơ kết 6 tháng đầu năm 2026 của Sở Y tế\n%%EOF\n");
      expect(await sendReport(user("C", "S"), `/upreport send ${request}`, "so-ket-6-thang.pdf", report)).toBe(
        "📤 Đã gửi báo cáo so-ket-6-thang.pdf đến Ban Thi đua - Khen thưởng tỉnh.",
      );
      readAll("P");
      expect(await minuteOf("P")).toEqual({ received: 1, answered: 0 });
      const arrived = texts("P", "P1")[0] ?? "";
      const reportMail = /\/received (\d+)/.exec(arrived)?.[1];
      expect(arrived).toBe(`📄 Sở Y tế đã gửi «Báo cáo sơ kết 6 tháng đầu năm 2026»: so-ket-6-thang.pdf. Nhận tệp: /received ${reportMail}.`);
      expect((await askFor(officer, "/upreport", "cơ quan đã gửi")).text.split("\n")).toEqual([
        "Báo cáo sơ kết 6 tháng đầu năm 2026 — hạn 15/06/2026: 1/3 cơ quan đã gửi",
        `• ✅ Sở Y tế: /received ${reportMail}`,
        "• ⏳ Chưa gửi: Sở Nội vụ, Sở Xây dựng",
      ]);
      officer.send(`/received ${reportMail}`);
      expect((await nextFile(worlds.P, officer, /^so-ket-6-thang\.pdf$/)).bytes).toEqual(report);
      // The roll-up's last figure: reports sent in the year (C's one; the proposals of A are not reports).
      const rollup = (await askFor(officer, "/agencies 2026", "Các cơ quan thành viên")).text.split("\n");
      expect(rollup.map((line) => line.split(" · ").at(-1))).toEqual([expect.any(String), "0", "0", "1"]);

      // Two days before the 15th (a Monday) is a Saturday: those who have not sent are reminded on Friday the 12th.
      const reminder = `⏰ Nhắc: «Báo cáo sơ kết 6 tháng đầu năm 2026» phải gửi Ban Thi đua - Khen thưởng tỉnh chậm nhất ngày 15/06/2026: /upreport send `;
      for (const key of ["A", "B", "C"] as const) {
        readAll(key);
        worlds[key].clock.set("2026-06-12T09:00:00+07:00");
        await minuteOf(key);
      }
      expect(texts("B", "S").map((text) => text.startsWith(reminder))).toEqual([true]);
      expect(texts("A", "G").map((text) => text.startsWith(reminder))).toEqual([true]);
      expect(texts("C", "S")).toEqual([]);

      // A leads the cluster in 2026: its meeting reaches every member's leadership, each by its own bot; B leads nothing.
      const leader = user("A", "S");
      expect((await askFor(leader, "/cluster event 20/07/2026 08:30 Hội nghị sơ kết Cụm thi đua", "Đã thông báo")).text).toBe(
        "📅 Đã thông báo «Hội nghị sơ kết Cụm thi đua» lúc 20/07/2026 08:30 đến 2 cơ quan trong Cụm thi đua các sở; lãnh đạo và văn phòng mỗi cơ quan sẽ được báo qua bot của cơ quan mình và được nhắc trước một ngày.",
      );
      expect((await askFor(user("B", "S"), "/cluster event 20/07/2026 08:30 Họp", "cụm trưởng")).text).toContain("Chỉ cơ quan cụm trưởng");
      const meeting = "📅 Cụm thi đua các sở: Sở Nội vụ (cụm trưởng) tổ chức «Hội nghị sơ kết Cụm thi đua» lúc 20/07/2026 08:30.";
      for (const key of ["A", "B", "C"] as const) readAll(key);
      await minuteOf("A");
      expect(texts("A", "G")).toEqual([meeting]);
      for (const key of ["B", "C"] as const) {
        expect(await minuteOf(key)).toEqual({ received: 1, answered: 0 });
        expect(texts(key, "G")).toEqual([meeting]);
        expect(texts(key, "N1")).toEqual([]);
      }
      // The 20th is a Monday: reminded on Friday the 17th.
      for (const key of ["B", "C"] as const) {
        readAll(key);
        worlds[key].clock.set("2026-07-17T09:00:00+07:00");
        await minuteOf(key);
        expect(texts(key, "G")).toEqual(["⏰ Nhắc: Cụm thi đua các sở tổ chức «Hội nghị sơ kết Cụm thi đua» lúc 20/07/2026 08:30 (cụm trưởng: Sở Nội vụ)."]);
      }
    });

    it("lets the province's administrator add an agency under the province and keep its channel, sealed, in chat", async () => {
      const admin = user("P", "PA");
      const added = await askFor(admin, "/agency add SGD Sở Giáo dục và Đào tạo", "Đã thêm");
      const id = /số (\d+)/.exec(added.text)?.[1];
      const [row] = await owner<
        { id: number; parent: string }[]
      >`select a.id, p.code as parent from agencies a join agencies p on p.id = a.parent_id where a.code = 'SGD'`;
      expect(row).toEqual({ id: Number(id), parent: "BTDKT" });
      expect(added.text).toBe(`Đã thêm Sở Giáo dục và Đào tạo (SGD), số ${id}. Chạy bot của cơ quan với AGENCY_ID=${id}; lưu kênh bằng /agency channel SGD ….`);
      expect((await admin.ask("/agency add SGD Sở khác")).text).toBe("Đã có cơ quan mã SGD.");
      expect((await admin.ask("/agency channel SGD TELEGRAM_BOT_TOKEN 123456:sgd-token")).text).toContain("🔒 Đã lưu TELEGRAM_BOT_TOKEN của SGD (đã mã hóa)");
      // Sealed at rest, bound to SGD; the new agency's own bot opens it.
      const [stored] = await owner<{ sealed: string }[]>`select sealed from agency_channels where agency_id = ${Number(id)}`;
      expect(stored?.sealed).not.toContain("sgd-token");
      expect(openChannelValue(CHANNEL_SECRETS_KEY, Number(id), "TELEGRAM_BOT_TOKEN", stored?.sealed ?? "")).toBe("123456:sgd-token");
      expect((await admin.ask("/agency channel SXD2 TELEGRAM_BOT_TOKEN x")).text).toContain("Không có cơ quan mã SXD2 thuộc tỉnh");
      expect((await askFor(admin, "/agency", "Các cơ quan thuộc tỉnh")).text).toContain(`• Sở Giáo dục và Đào tạo (SGD, số ${id}): TELEGRAM_BOT_TOKEN`);
      // An agency under the province adds none, and A's secretariat has no /agency at all.
      await expect(addMemberAgency(databases.A.db, { code: "X", name: "Không được" })).rejects.toMatchObject({ key: "agency-add-not-province" });
      expect((await askFor(user("A", "S"), "/agency", "không dành cho")).text).toBe(
        "Lệnh /agency không dành cho vai trò của bạn. Gõ /help để xem các lệnh bạn dùng được.",
      );
    });

    it("sets aside a mail that does not read as its kind, and refuses one to an agency it is not related to", async () => {
      // B writes straight to the table: A reads what comes as input, and the policies keep B to the agencies it is related to.
      const [aId] = await owner<{ id: number }[]>`select id from agencies where code = 'DEFAULT'`;
      await queryRows(
        databases.B.db,
        sql`insert into agency_mail (to_agency_id, kind, key, payload) values (${aId?.id}, 'inspection', 'broken', '{"agencyName": 1}')`,
      );
      // B may write to its province and its cluster's members only.
      const [outsider] = await owner<{ id: number }[]>`insert into agencies (code, name) values ('NGOAI', 'Cơ quan ngoài') returning id`;
      await expect(
        queryRows(databases.B.db, sql`insert into agency_mail (to_agency_id, kind, key, payload) values (${outsider?.id}, 'inspection', 'out', '{}')`),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
      worlds.A.clock.set("2026-03-22T09:00:00+07:00");
      readAll("A");
      expect(await minuteOf("A")).toEqual({ received: 1, answered: 0 });
      for (const staff of Object.keys(AGENCIES.A.chats)) expect(texts("A", staff)).toEqual([]);
      const [setAside] = await queryRows<{ action: string }>(databases.A.db, sql`select action from audit_log where action = 'mail.unreadable'`);
      expect(setAside?.action).toBe("mail.unreadable");

      // A decision is taken from the province only: one A writes to its province, well formed, is set aside there.
      const [pId] = await owner<{ id: number }[]>`select id from agencies where code = 'BTDKT'`;
      const forged = { sessionId: 1, number: "1/QĐ", decidedOn: "2026-03-01", authority: "Giả mạo", awarded: [1], notAwarded: [] };
      await queryRows(
        databases.A.db,
        sql`insert into agency_mail (to_agency_id, kind, key, payload) values (${pId?.id}, 'decision', 'forged', ${JSON.stringify(forged)}::jsonb)`,
      );
      const awardsBefore = await owner<{ count: number }[]>`select count(*)::int as count from title_awards`;
      worlds.P.clock.set("2026-03-22T09:00:00+07:00");
      expect(await minuteOf("P")).toEqual({ received: 1, answered: 0 });
      expect(await owner`select count(*)::int as count from title_awards`).toEqual(awardsBefore);
      const [unexpected] = await queryRows<{ action: string }>(databases.P.db, sql`select action from audit_log where action = 'mail.unexpected-sender'`);
      expect(unexpected?.action).toBe("mail.unexpected-sender");
    });

    /** A report sent where a command asks for it (on Zalo through the upload link); what the bot answers once it is sent. */
    async function sendReport(office: ChatTestUser, command: string, fileName: string, bytes: Buffer): Promise<string> {
      await askFor(office, command, "Gửi tệp báo cáo");
      await office.sendFile(command, fileName, bytes);
      return (await nextWith(office, "Đã gửi báo cáo")).text;
    }

    async function vote(agency: Key, members: string[], session: string, secretary: ChatTestUser) {
      await askFor(secretary, `/ballot open ${session}`, "Đã mở bỏ phiếu");
      for (const code of members) {
        const voter = user(agency, code);
        const ballot = await voter.ask(`/vote ${session}`);
        voter.press(ballot, "📨 Nộp phiếu");
        await nextWith(voter, "Đã nhận phiếu");
      }
      await secretary.ask(`/ballot close ${session}`);
    }
  },
);
