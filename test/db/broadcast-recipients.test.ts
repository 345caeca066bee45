import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { people } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { confirmBroadcast, countRecipients, createDraft } from "../../src/services/campaigns/broadcasts.js";
import { linkAccount } from "../support/chat-world.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";

// Three people: B on both platforms (notifications "both", the default), T on Telegram, Z on Zalo.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
VP,Văn phòng,B,Hai Nền Tảng,,staff
VP,Văn phòng,T,Chỉ Telegram,,staff
VP,Văn phòng,Z,Chỉ Zalo,,staff
`;

describe.each(DATABASE_KINDS)("who a broadcast reaches (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
    await linkAccount(database.db, "telegram", "S", "7000");
    await linkAccount(database.db, "telegram", "B", "7001");
    await linkAccount(database.db, "zalo", "B", "z7001");
    await linkAccount(database.db, "telegram", "T", "7002");
    await linkAccount(database.db, "zalo", "Z", "z7003");
  });
  afterAll(async () => database?.close());

  it("sends one copy to a person linked on Telegram and Zalo, and says the same count in the preview as it sends", async () => {
    const now = new Date("2026-01-12T02:00:00Z");
    // Four people, five chats: the preview counts people.
    expect(await countRecipients(database.db, { kind: "all" })).toBe(4);
    const [secretary] = await database.db.select().from(people).where(eq(people.staffCode, "S"));
    const personId = secretary?.id as number;
    const broadcastId = await createDraft(database.db, {
      personId,
      text: "Phát động",
      documentFileId: null,
      documentName: null,
      audience: { kind: "all" },
      launch: null,
      now,
    });
    const context = { clock: () => now, actor: cliActor, translate: (_locale: string, key: string) => key, timeZone: "Asia/Ho_Chi_Minh" };
    const sent = await confirmBroadcast(database.db, { broadcastId, personId, progress: { platform: "telegram", chatId: "7000", messageId: 1 } }, context);
    expect(sent).toMatchObject({ kind: "sending", recipients: 4 });
    const copies = await queryRows<{ staff_code: string; count: number }>(
      database.db,
      sql`select p.staff_code, count(*)::int as count from outbox o join chat_accounts a on a.id = o.chat_account_id join people p on p.id = a.person_id
          where o.kind = 'broadcast' group by p.staff_code order by p.staff_code`,
    );
    expect(copies).toEqual([
      { staff_code: "B", count: 1 },
      { staff_code: "S", count: 1 },
      { staff_code: "T", count: 1 },
      { staff_code: "Z", count: 1 },
    ]);
  });
});
