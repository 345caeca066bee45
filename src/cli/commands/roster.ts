import { systemClock } from "../../domain/calendar.js";
import type { RawRow } from "../../domain/roster.js";
import { cliActor } from "../../services/audit.js";
import { importRoster } from "../../services/roster.js";
import { readRosterFile } from "../../services/roster-file.js";
import { command } from "../context.js";

/** import roster <file.csv|file.xlsx> */
export const importRosterCommand = command<RawRow[]>({
  words: "import roster",
  read: (args) => readRosterFile(args.needed(0, "<file.csv|file.xlsx>")),
  async run(rows, args, { database, print, t }) {
    const result = await importRoster(database.db, rows, { clock: systemClock, actor: cliActor, source: args.positional[0] ?? "" });
    print(
      t("cli-roster-summary", {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected.length,
        units: result.unitsCreated,
      }),
    );
    if (result.ignoredColumns.length > 0) print(t("cli-roster-ignored-columns", { columns: result.ignoredColumns.join(", ") }));
    for (const row of result.rejected) print(t("cli-roster-rejected", { line: String(row.line), reason: t(row.key, row.args) }));
  },
});
