import { formatDateTime, parseLocalDateTime } from "../../domain/calendar.js";
import { UserError } from "../../domain/user-error.js";
import { auditSince } from "../../services/audit.js";
import { command } from "../context.js";

/** audit --since dd/mm/yyyy */
export const auditCommand = command({
  words: "audit",
  async run(_input, args, { database, config, print, t }) {
    const since = parseLocalDateTime(args.flag("--since") ?? "", config.displayTimeZone, "00:00");
    if ("error" in since) throw new UserError("cli-audit-usage");
    const entries = await auditSince(database.db, since.at);
    for (const entry of entries) {
      print(`${formatDateTime(entry.at, config.displayTimeZone)}  ${entry.actorLabel}  ${entry.action}  ${entry.subject}  ${JSON.stringify(entry.details)}`);
    }
    print(t("cli-audit-count", { count: entries.length }));
  },
});
