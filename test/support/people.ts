import type { Database } from "../../src/db/client.js";
import { chatAccounts, people } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { importRoster } from "../../src/services/roster/import.js";
import { readCsv } from "../../src/services/roster/file.js";
import { eq } from "drizzle-orm";

/** Imports a roster given as CSV text. */
export async function importRosterText(db: Database, csv: string, at = new Date("2024-01-02T02:00:00Z")) {
  return importRoster(db, readCsv(Buffer.from(csv)), { clock: () => at, actor: cliActor, source: "test" });
}

/** Links a Telegram chat to a person directly, as a redeemed invite would. */
export async function linkTelegram(db: Database, staffCode: string, telegramId: number): Promise<number> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode));
  if (!person) throw new Error(`no person ${staffCode}`);
  const [account] = await db
    .insert(chatAccounts)
    .values({ platform: "telegram", externalId: String(telegramId), chatId: String(telegramId), personId: person.id, linkedAt: new Date() })
    .returning({ id: chatAccounts.id });
  return (account as { id: number }).id;
}
