import { atLocal, formatDate, systemClock } from "../../domain/calendar.js";
import type { ParsedPlan } from "../../domain/plan-document.js";
import { cliActor } from "../../services/audit.js";
import { readPlanFile } from "../../services/plans/file.js";
import { previewPlan, savePlan } from "../../services/plans/plans.js";
import { command, yearFlag } from "../context.js";

/** import plan <file.docx|file.md|file.txt> [--year YYYY] [--dry-run] */
export const importPlanCommand = command<ParsedPlan>({
  words: "import plan",
  switches: ["--dry-run"],
  read: (args) => readPlanFile(args.needed(0, "<file.docx|file.md|file.txt>"), yearFlag(args)),
  async run(plan, args, { database, config, print, t }) {
    const zone = config.displayTimeZone;
    const preview = await previewPlan(database.db, plan, zone);
    const unitName = new Map(preview.units.map((unit) => [unit.id, unit.name]));
    // Matched units by their roster name, unmatched phrases as written with a question mark.
    const names = (ids: number[], phrases: string[], unmatched: string[]) =>
      [...ids.map((id) => unitName.get(id) ?? ""), ...phrases.filter((phrase) => unmatched.includes(phrase)).map((phrase) => `${phrase} (?)`)].join("; ") ||
      "—";
    print(t("cli-plan-header", { title: plan.title, year: String(plan.year), tasks: plan.tasks.length }));
    for (const quarter of [1, 2, 3, 4] as const) {
      const tasks = preview.tasks.filter((task) => task.quarter === quarter);
      print(t("cli-plan-quarter", { quarter, count: tasks.length }));
      for (const task of tasks) {
        print(t("cli-plan-task", { number: task.number, content: task.content.replace(/\n/g, " "), due: formatDate(task.dueAt, zone) }));
        if (task.movedFrom) print(t("plan-due-moved", { day: formatDate(atLocal(task.movedFrom, "12:00:00", zone), zone) }));
        print(
          t("cli-plan-units", {
            lead: names(task.leadUnitIds, task.leadUnits, task.unmatched),
            coordinating: names(task.coordinatingUnitIds, task.coordinatingUnits, task.unmatched),
          }),
        );
      }
    }
    if (preview.unmatched.length > 0) print(t("cli-plan-unmatched", { phrases: preview.unmatched.join("; ") }));
    if (args.has("--dry-run")) return;
    const saved = await savePlan(database.db, preview, { clock: systemClock, actor: cliActor, source: args.positional[0] ?? "" });
    print(t("cli-plan-saved", { created: saved.created, updated: saved.updated, removed: saved.removed }));
  },
});
