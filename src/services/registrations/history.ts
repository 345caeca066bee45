import { inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people, titleAwards } from "../../db/schema/index.js";
import type { Catalogue, Title } from "../../domain/titles.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

/** Past years' titles, for the consecutive-year rules (`import history`). */
export async function importTitleHistory(
  db: Database,
  rows: { line: number; staffCode: string; year: number; titleCode: string }[],
  context: AuditContext & { catalogue: Catalogue },
): Promise<{ imported: number; rejected: { line: number; key: string; args: Record<string, string> }[] }> {
  const codes = new Set(context.catalogue.titles.map((title: Title) => title.code));
  const rejected: { line: number; key: string; args: Record<string, string> }[] = [];
  const staffCodes = [...new Set(rows.map((row) => row.staffCode))];
  const found = staffCodes.length
    ? await db.select({ id: people.id, staffCode: people.staffCode }).from(people).where(inArray(people.staffCode, staffCodes))
    : [];
  const idOf = new Map(found.map((person) => [person.staffCode, person.id]));
  const valid: { subject: "person"; personId: number; year: number; titleCode: string; source: "import" }[] = [];
  for (const row of rows) {
    const personId = idOf.get(row.staffCode);
    if (personId === undefined) rejected.push({ line: row.line, key: "history-unknown-staff", args: { code: row.staffCode } });
    else if (!codes.has(row.titleCode)) rejected.push({ line: row.line, key: "history-unknown-title", args: { code: row.titleCode } });
    else valid.push({ subject: "person", personId, year: row.year, titleCode: row.titleCode, source: "import" });
  }
  await db.transaction(async (tx) => {
    // Imported history is rows of the same record the bot's own decisions write.
    if (valid.length > 0) await tx.insert(titleAwards).values(valid).onConflictDoNothing();
    await recordAudit(tx, {
      at: context.clock(),
      actor: context.actor,
      action: "history.import",
      subject: "title_awards",
      details: { imported: valid.length, rejected: rejected.length },
    });
  });
  return { imported: valid.length, rejected };
}
