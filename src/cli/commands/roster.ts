import { systemClock } from "../../domain/calendar.js";
import type { RawRow } from "../../domain/roster.js";
import { cliActor } from "../../services/audit.js";
import { importRoster, rosterSummaryArgs } from "../../services/roster/import.js";
import { readRosterFile } from "../../services/roster/file.js";
import { command } from "../context.js";

/** import roster <file.csv|file.xlsx> [--full]: with --full, whoever the file does not name has left. */
export const importRosterCommand = command<RawRow[]>({
  words: "import roster",
  switches: ["--full"],
  read: (args) => readRosterFile(args.needed(0, "<file.csv|file.xlsx>")),
  async run(rows, args, { database, config, print, t, translate }) {
    const result = await importRoster(database.db, rows, {
      clock: systemClock,
      actor: cliActor,
      source: args.positional[0] ?? "",
      departures: args.has("--full"),
      notify: { translate, timeZone: config.displayTimeZone },
    });
    print(t("cli-roster-summary", rosterSummaryArgs(result)));
    if (result.ignoredColumns.length > 0) print(t("cli-roster-ignored-columns", { columns: result.ignoredColumns.join(", ") }));
    for (const row of result.skipped) print(t("cli-roster-skipped", { line: String(row.line), text: row.text, kind: row.kind }));
    for (const row of result.rejected) print(t("cli-roster-rejected", { line: String(row.line), reason: t(row.key, row.args) }));
  },
});
