import { readFile } from "node:fs/promises";
import * as z from "zod";
import { systemClock } from "../../domain/calendar.js";
import { INSPECTION_KINDS } from "../../domain/inspections.js";
import { parseInspectionPlan, periodWords } from "../../domain/plan-reader/inspection-plan.js";
import { UserError } from "../../domain/user-error.js";
import { cliActor } from "../../services/audit.js";
import { inspectionText } from "../../services/inspections/file.js";
import { createInspection } from "../../services/inspections/inspections.js";
import { command, yearFlag } from "../context.js";

const inspectionKind = z.enum(INSPECTION_KINDS);

/** import inspection <file> [--kind direct|self|cross] [--team CODE,CODE…] [--year YYYY] */
export const importInspectionCommand = command<string>({
  words: "import inspection",
  read: (args) => readInspectionText(args.needed(0, "<file>")),
  async run(text, args, { database, print, t }) {
    const kind = inspectionKind.safeParse(args.flag("--kind") ?? "direct");
    if (!kind.success) throw new UserError("cli-inspection-usage");
    const team = (args.flag("--team") ?? "")
      .split(",")
      .map((code) => code.trim())
      .filter(Boolean);
    const plan = parseInspectionPlan(text, yearFlag(args));
    const result = await createInspection(
      database.db,
      { plan, kind: kind.data, team: team.map((staffCode, index) => ({ staffCode, role: index === 0 ? "head" : "member" })) },
      { clock: systemClock, actor: cliActor },
    );
    if (result.kind === "refused") throw new UserError(result.refusal.key, result.refusal.args);
    print(
      t("cli-inspection-created", {
        id: result.inspectionId,
        title: plan.title,
        units: result.units,
        from: plan.windowFirstMonth,
        to: plan.windowLastMonth,
        notice: plan.noticeDays,
        report: plan.reportDays,
        ...periodWords(plan, t),
      }),
    );
    if (result.unmatched.length > 0) print(t("cli-plan-unmatched", { phrases: result.unmatched.join("; ") }));
  },
});

/** The text of an inspection plan file. */
async function readInspectionText(file: string): Promise<string> {
  const bytes = await readFile(file).catch(() => {
    throw new UserError("file-not-found", { file });
  });
  return inspectionText(bytes, file);
}
