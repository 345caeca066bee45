import type { CalendarDate, DeadlineSource, Quarter } from "./dates.js";

export type { CalendarDate, DeadlineSource, Quarter } from "./dates.js";

/**
 * What the plan reader makes of a document, before any unit is matched to the roster: the
 * duties with where each of their parts came from, the meetings it schedules by month, and, for
 * a campaign-launch plan, the campaign.
 */

/** Where a duty's quarter or units were read: a table, the text, the clerk in chat, or nowhere (a default). */
export type PartSource = "table" | "text" | "default" | "clerk";

/** The parts of a duty the reader guessed rather than read: the preview marks them. */
export type Guess = "quarter" | "due" | "units";

export type ParsedTask = {
  quarter: Quarter;
  number: string;
  content: string;
  leadUnits: string[];
  coordinatingUnits: string[];
  /** A deadline the text states ("trước ngày 30/01/2024"); otherwise the quarter's end applies. */
  deadline: CalendarDate | null;
  /** Where the deadline was read: the time column, the task's own text, the plan's prose, the clerk. */
  deadlineFrom: DeadlineSource | null;
  quarterFrom: PartSource;
  unitsFrom: PartSource;
};

/** A meeting the plan schedules by month only ("Tháng 03, 06 và tháng 12"): a date is still to be set. */
export type MeetingDraft = { year: number; month: number; title: string };

/** A campaign-launch plan's campaign (phát động phong trào): what `/campaign` needs, and its window. */
export type CampaignDraft = {
  title: string;
  year: number;
  /** The emulation window the plan states ("từ ngày 20/11/2025 đến ngày 30/11/2026"). */
  from: CalendarDate | null;
  to: CalendarDate | null;
};

export type ParsedPlan = {
  year: number;
  title: string;
  tasks: ParsedTask[];
  warnings: string[];
  meetings: MeetingDraft[];
  /** The registration deadline the plan states in its text, suggested for the campaign. */
  registrationDeadline: CalendarDate | null;
  campaign: CampaignDraft | null;
};

/**
 * What the reader guessed of a duty, from where its parts came from: a quarter nothing stated
 * (the year's last), a day nothing stated (a launch plan's end), units nobody was given.
 */
export function guessesOf(task: Pick<ParsedTask, "quarterFrom" | "deadlineFrom" | "unitsFrom">): Guess[] {
  return [
    ...(task.quarterFrom === "default" ? (["quarter"] as const) : []),
    ...(task.deadlineFrom === "window" ? (["due"] as const) : []),
    ...(task.unitsFrom === "default" ? (["units"] as const) : []),
  ];
}

/**
 * The same number twice in a quarter would make re-imports ambiguous: the later one is numbered
 * apart ("2.2", then "2.2.2").
 */
export function numberApart(tasks: ParsedTask[]): ParsedTask[] {
  const seen = new Set<string>();
  for (const task of tasks) {
    let key = `${task.quarter}:${task.number}`;
    for (let suffix = 2; seen.has(key); suffix++) key = `${task.quarter}:${task.number}.${suffix}`;
    task.number = key.slice(key.indexOf(":") + 1);
    seen.add(key);
  }
  return tasks;
}
