import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { people } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { createInvite } from "../../src/services/invites/index.js";
import { enqueue } from "../../src/services/outbox.js";
import { linkAccount } from "../support/chat-world.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { FakeZalo, zaloChatId } from "../support/fake-zalo.js";
import { TestClock } from "../support/harness.js";
import { importRosterText } from "../support/people.js";
import { telegramAndZaloApp } from "../support/two-platforms.js";

// The Zalo Bot Platform's Basic plan: 50 people a bot, 3,000 messages a month. Here the monthly
// ceiling is 10 so that its 80 % warning comes after 8 messages.
const MONTHLY = 10;
const SECRETARY_CHAT = 9400;

describe.each(DATABASE_KINDS)("the Zalo Bot Platform's ceilings (%s)", (kind) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let app: App;
  const clock = new TestClock(new Date("2026-12-07T09:00:00+07:00"));
  const personId = async (staffCode: string) =>
    (await database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode)))[0]?.id as number;
  const notify = async (key: string, staffCodes: string[]) =>
    enqueue(
      database.db,
      await Promise.all(
        staffCodes.map(async (code) => ({
          personId: await personId(code),
          dedupeKey: `${key}:${code}`,
          kind: "test",
          notBefore: new Date(0),
          render: () => ({ text: `Nhắc việc ${key}` }),
        })),
      ),
    );
  const drain = async () => {
    for (const dispatcher of app.dispatchers({ perChatIntervalMs: 0 })) await dispatcher.drainAll();
    // A notice queued for Telegram by the Zalo dispatcher's idle moment: drained by Telegram's.
    for (const dispatcher of app.dispatchers({ perChatIntervalMs: 0 })) await dispatcher.drainAll();
  };
  const secretariatSaw = () => telegram.unread(SECRETARY_CHAT).map((shown) => shown.text);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    [telegram, zalo] = await Promise.all([FakeTelegram.start(), FakeZalo.start()]);
    const staff = Array.from({ length: 51 }, (_, index) => `NV,Phòng Nghiệp vụ,Z${index + 1},Người Số ${index + 1},Chuyên viên,staff`);
    await importRosterText(database.db, ["unit_code,unit_name,staff_code,full_name,position,roles", "VP,Văn phòng,S,Thư Ký,,secretariat", ...staff].join("\n"));
    await linkAccount(database.db, "telegram", "S", String(SECRETARY_CHAT));
    // Người Số 1 has Telegram too; 2 and 3 only Zalo. Notifications go to Zalo for all three.
    await linkAccount(database.db, "telegram", "Z1", "9401");
    for (const n of [1, 2, 3]) await linkAccount(database.db, "zalo", `Z${n}`, zaloChatId(9410 + n));
    await database.db.update(people).set({ notifyVia: "zalo" }).where(sql`${people.staffCode} in ('Z1', 'Z2', 'Z3')`);
    app = await telegramAndZaloApp(database, { telegram, zalo }, clock, { ZALO_BOT_MONTHLY_MESSAGES: String(MONTHLY) });
  });
  afterAll(async () => {
    await app?.stop();
    await telegram?.close();
    await zalo?.close();
    await database?.close();
  });

  it("refuses the 51st person on the Zalo bot with a message that says how else to reach it", async () => {
    for (let n = 4; n <= 50; n++) await linkAccount(database.db, "zalo", `Z${n}`, zaloChatId(9410 + n));
    const invite = await createInvite(database.db, "Z51", { clock: clock.now, actor: cliActor });
    const newcomer = zalo.user({ id: 9461, first_name: "Năm Mốt" });
    const answer = await newcomer.ask(invite.code);
    expect(answer.text).toBe(
      "Kênh Zalo Bot thử nghiệm đã đủ 50 người, nên chưa liên kết được tài khoản này. Mã mời của bạn vẫn dùng được: hãy gửi mã này cho Zalo OA của cơ quan (nếu cơ quan đã mở) hoặc cho bot trên Telegram, hoặc báo Văn phòng để được hướng dẫn.",
    );
    // The code was not spent: the same person links on Telegram with it.
    const onTelegram = telegram.user({ id: 9462, first_name: "Năm Mốt" });
    expect((await onTelegram.ask(invite.code)).text).toContain("Trước khi liên kết tài khoản");
    await database.db.execute(
      sql`update chat_accounts set person_id = null, linked_at = null where platform = 'zalo' and chat_id not in (${zaloChatId(9411)}, ${zaloChatId(9412)}, ${zaloChatId(9413)})`,
    );
  });

  it("a month on the Zalo bot: the secretariat warned once at 80 %, Zalo stopped on «Quota exceeded», Telegram carrying who it can", async () => {
    await database.db.execute(sql`delete from channel_months`);
    const before = zalo.sent.length;
    const zaloSends = () => zalo.sent.length - before;
    telegram.markRead(SECRETARY_CHAT);
    // 3 people × 2 reminders, then one more: the 8th message crosses 80 % of 10.
    for (const round of ["a", "b"]) await notify(round, ["Z1", "Z2", "Z3"]);
    await notify("c", ["Z1"]);
    await drain();
    expect(zaloSends()).toBe(7);
    expect(secretariatSaw()).toEqual([]);
    await notify("c2", ["Z1"]);
    await drain();
    expect(zaloSends()).toBe(8);
    expect(secretariatSaw()).toEqual([
      "⚠️ Kênh Zalo Bot đã gửi 8/10 tin nhắn của tháng 12/2026 (80 %). Khi hết hạn mức, tin nhắn sẽ chuyển qua kênh khác của từng người; ai chỉ có kênh này sẽ không nhận được.",
    ]);

    telegram.markRead(SECRETARY_CHAT);
    zalo.exceedQuota();
    await notify("d", ["Z1", "Z2", "Z3"]);
    await drain();
    // One call was refused; the other two were never tried: the month is over for Zalo.
    expect(zaloSends()).toBe(8);
    expect(telegram.unread(9401).map((shown) => shown.text)).toEqual(["Nhắc việc d"]);
    expect(secretariatSaw()).toEqual([
      [
        "⚠️ Kênh Zalo Bot ngừng gửi đến hết tháng 12/2026: Zalo đã báo hết hạn mức tin nhắn của tháng. Tin nhắn được chuyển qua kênh khác của từng người.",
        "📵 2 người không nhận được thông báo vì không còn kênh nào gửi được:",
        "• Người Số 2 (Phòng Nghiệp vụ) — Zalo Bot: Zalo đã báo hết hạn mức tin nhắn của tháng",
        "• Người Số 3 (Phòng Nghiệp vụ) — Zalo Bot: Zalo đã báo hết hạn mức tin nhắn của tháng",
        "↪ 1 người được chuyển qua kênh khác của họ.",
        "Hãy báo họ nhắn một tin bất kỳ cho bot (để mở lại kênh) hoặc liên kết thêm một kênh khác. Xem tình hình các kênh bằng /status.",
      ].join("\n"),
    ]);

    // Later the same month: still nothing tried on Zalo, Telegram still carries Người Số 1, and
    // the secretariat is not told the same thing again.
    telegram.markRead(SECRETARY_CHAT);
    clock.advance(3 * 86_400_000);
    await notify("e", ["Z1", "Z2", "Z3"]);
    await drain();
    expect(zaloSends()).toBe(8);
    expect(telegram.unread(9401).map((shown) => shown.text)).toEqual(["Nhắc việc d", "Nhắc việc e"]);
    expect(secretariatSaw()).toEqual([]);

    // A new month: Zalo sends again.
    clock.set("2027-01-04T09:00:00+07:00");
    await notify("f", ["Z2"]);
    await drain();
    expect(zalo.sent.at(-1)?.text).toBe("Nhắc việc f");
  });
});
