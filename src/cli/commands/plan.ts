import { systemClock } from "../../domain/calendar.js";
import type { ParsedPlan } from "../../domain/plan-reader/plan.js";
import { escapeArgs, htmlToPlainText } from "../../domain/text.js";
import { cliActor } from "../../services/audit.js";
import { readPlanFile } from "../../services/plans/file.js";
import { planPreviewLines, previewPlan, savePlan } from "../../services/plans/index.js";
import { command, yearFlag } from "../context.js";

/** import plan <file.docx|file.md|file.txt> [--year YYYY] [--dry-run] — prints the chat's preview, every duty and meeting, then saves. */
export const importPlanCommand = command<ParsedPlan>({
  words: "import plan",
  switches: ["--dry-run"],
  read: (args) => readPlanFile(args.needed(0, "<file.docx|file.md|file.txt>"), yearFlag(args)),
  async run(plan, args, { database, config, print, t }) {
    const preview = await previewPlan(database.db, plan, config.displayTimeZone);
    // The chat's lines, HTML with the plan's words escaped in it, printed as plain text.
    const html = (key: string, values: Record<string, string | number> = {}) => t(key, escapeArgs(values));
    const { duties, summary } = planPreviewLines(preview, html, config.displayTimeZone);
    for (const line of [...summary, "", ...duties]) print(htmlToPlainText(line));
    if (preview.unmatched.length > 0) print(t("cli-plan-unmatched", { phrases: preview.unmatched.join("; ") }));
    if (args.has("--dry-run")) return;
    const saved = await savePlan(database.db, preview, { clock: systemClock, actor: cliActor, source: args.positional[0] ?? "" });
    print(t("cli-plan-saved", { created: saved.created, updated: saved.updated, removed: saved.removed }));
  },
});
