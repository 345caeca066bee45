import type { Context } from "../src/bot/context.js";
import { type RosterPreview, type RosterImportResult, rosterSummaryArgs } from "../src/services/roster/index.js";

const SHOWN = 10;

/** The preview of a roster file: what it adds, changes, moves and drops, and why rows were refused. */
export function rosterPreviewText(ctx: Context, file: string, preview: RosterPreview): string {
  const lines = [
    ctx.translateHtml("roster-preview", {
      file,
      header: preview.headerLine,
      created: preview.created,
      known: preview.known,
      moved: preview.moved.length,
      leaving: preview.leaving.length,
      rejected: preview.rejected.length,
    }),
  ];
  const list = (key: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(ctx.translateHtml(key, { count: items.length, items: items.slice(0, SHOWN).join("; ") + (items.length > SHOWN ? "; …" : "") }));
  };
  if (preview.generatedCodes > 0) lines.push(ctx.translateHtml("roster-preview-generated-codes", { count: preview.generatedCodes }));
  list("roster-preview-new-units", preview.unitsCreated);
  list(
    "roster-preview-renamed-units",
    preview.unitRenames.map((rename) => ctx.t("roster-preview-rename", { code: rename.code, from: rename.from, to: rename.to })),
  );
  list(
    "roster-preview-unit-conflicts",
    preview.notes.unitNameConflicts.map((conflict) => `${conflict.code}: ${conflict.names.join(" / ")}`),
  );
  list(
    "roster-preview-moved",
    preview.moved.map((move) => ctx.t("roster-preview-move", { name: move.row.fullName, from: move.fromUnit, to: move.toUnit })),
  );
  list(
    "roster-preview-leaving",
    preview.leaving.map((person) => `${person.fullName} (${person.unitName})`),
  );
  list("roster-preview-unknown-positions", preview.notes.unknownPositions);
  list("roster-preview-same-names", preview.notes.sameNames);
  list(
    "roster-preview-skipped",
    preview.notes.skipped.map((row) => ctx.t("roster-skipped-row", { line: String(row.line), text: row.text, kind: row.kind })),
  );
  for (const row of preview.rejected.slice(0, SHOWN))
    lines.push(ctx.translateHtml("cli-roster-rejected", { line: String(row.line), reason: ctx.t(row.key, row.args) }));
  if (preview.rejected.length > SHOWN) lines.push(ctx.translateHtml("roster-preview-more", { count: preview.rejected.length - SHOWN }));
  if (preview.ignoredColumns.length > 0) lines.push(ctx.translateHtml("cli-roster-ignored-columns", { columns: preview.ignoredColumns.join(", ") }));
  return lines.join("\n");
}

/** What an import did, in the words of the preview. */
export function rosterResultText(ctx: Context, result: RosterImportResult): string {
  return ctx.translateHtml("cli-roster-summary", rosterSummaryArgs(result));
}
