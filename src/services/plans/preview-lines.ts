import { atLocal, formatDate } from "../../domain/calendar.js";
import type { CalendarDate, Quarter } from "../../domain/plan-reader/plan.js";
import type { PlanPreview, PreviewTask } from "./plans.js";

/** A translation: the chat's escapes its arguments for HTML, the CLI's does not. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/**
 * What was read from a plan, as the clerk checks it before saving — the same lines in chat and
 * in the CLI. The duties: each with its position (what corrections name), quarter, due day, lead
 * and coordinating units and where each came from, a ❓ on what the reader guessed, the bodies
 * outside the agency it names. The summary: what else the plan holds — meetings by month, a
 * launch plan's campaign, the registration deadline — and the bodies outside the agency.
 */
export function planPreviewLines(
  preview: PlanPreview,
  t: Translate,
  zone: string,
  options: { quarter?: Quarter } = {},
): { duties: string[]; summary: string[] } {
  const { plan } = preview;
  const unitName = new Map(preview.units.map((unit) => [unit.id, unit.name]));
  const names = (ids: number[], phrases: string[], unmatched: string[]) =>
    [...ids.map((id) => unitName.get(id) ?? ""), ...phrases.filter((phrase) => unmatched.includes(phrase)).map((phrase) => `${phrase} (?)`)].join(", ") || "—";
  const dutyLine = (task: PreviewTask, position: number) => {
    const mark = (guess: PreviewTask["guessed"][number]) => (task.guessed.includes(guess) ? " ❓" : "");
    const line = t("plan-preview-task", {
      position,
      number: task.number,
      content: shorten(task.content.replace(/\n/g, " "), 90),
      due: formatDate(task.dueAt, zone),
      from: [
        t(`plan-due-from-${task.deadlineFrom ?? "quarter"}`),
        ...(task.movedFrom ? [t("plan-due-moved", { day: formatDate(atLocal(task.movedFrom, "12:00:00", zone), zone) })] : []),
      ].join(", "),
      dueMark: mark("due") || mark("quarter"),
      lead: names(task.leadUnitIds, task.leadUnits, task.unmatched),
      coordinating: names(task.coordinatingUnitIds, task.coordinatingUnits, task.unmatched),
      unitsFrom: t(`plan-units-from-${task.unitsFrom}`),
      unitsMark: mark("units"),
    });
    return task.external.length > 0 ? `${line}\n${t("plan-preview-task-external", { bodies: task.external.join("; ") })}` : line;
  };

  const duties: string[] = [];
  for (const quarter of options.quarter ? [options.quarter] : ([1, 2, 3, 4] as const)) {
    const inQuarter = preview.tasks.map((task, index) => ({ task, position: index + 1 })).filter(({ task }) => task.quarter === quarter);
    duties.push(...(duties.length > 0 ? [""] : []), t("plan-preview-quarter", { quarter, count: inQuarter.length }));
    duties.push(...inQuarter.map(({ task, position }) => dutyLine(task, position)));
  }

  const summary = [t("plan-preview-header", { title: plan.title, year: String(plan.year), count: preview.tasks.length })];
  if (plan.meetings.length > 0) {
    const months = plan.meetings.map((meeting) => `${String(meeting.month).padStart(2, "0")}/${meeting.year}`).join(", ");
    summary.push("", t("plan-preview-meetings", { count: plan.meetings.length, months, title: plan.meetings[0]?.title ?? "" }));
  }
  if (plan.campaign) {
    const { campaign } = plan;
    const window = { from: campaign.from ? dayText(campaign.from) : "—", to: campaign.to ? dayText(campaign.to) : "—" };
    summary.push("", t("plan-preview-campaign", { title: campaign.title, year: String(campaign.year), ...window }));
  }
  if (plan.registrationDeadline) {
    const title = plan.campaign?.title ?? t("plan-campaign-title-placeholder");
    summary.push("", t("plan-preview-registration-deadline", { date: dayText(plan.registrationDeadline), title }));
  }
  if (preview.external.length > 0) summary.push("", t("plan-preview-external", { count: preview.external.length, bodies: preview.external.join("; ") }));
  if (preview.tasks.some((task) => task.guessed.length > 0)) summary.push("", t("plan-preview-guess-legend"));
  return { duties, summary };
}

export function dayText(date: CalendarDate): string {
  return `${String(date.day).padStart(2, "0")}/${String(date.month).padStart(2, "0")}/${date.year}`;
}

export function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
