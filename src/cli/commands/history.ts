import { localDay, systemClock } from "../../domain/calendar.js";
import { parseHistoryRows } from "../../domain/history.js";
import type { RawRow } from "../../domain/roster.js";
import { cliActor } from "../../services/audit.js";
import { catalogueOn } from "../../services/rules/catalogue.js";
import { importTitleHistory } from "../../services/registrations/index.js";
import { readRosterFile } from "../../services/roster/file.js";
import { command } from "../context.js";

/** import history <file.csv>: past years' titles (staff_code, year, title_code). */
export const importHistoryCommand = command<RawRow[]>({
  words: "import history",
  read: (args) => readRosterFile(args.needed(0, "<file.csv>")),
  async run(rows, _args, { database, config, print, t }) {
    const parsed = parseHistoryRows(rows);
    const result = await importTitleHistory(database.db, parsed.rows, {
      clock: systemClock,
      actor: cliActor,
      catalogue: await catalogueOn(database.db, localDay(systemClock(), config.displayTimeZone)),
    });
    const rejected = [...parsed.rejected, ...result.rejected].sort((a, b) => a.line - b.line);
    print(t("cli-history-summary", { imported: result.imported, rejected: rejected.length }));
    for (const row of rejected) print(t("cli-roster-rejected", { line: String(row.line), reason: t(row.key, row.args) }));
  },
});
