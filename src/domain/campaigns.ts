import { formatDate, localDay, parseLocalDateTime } from "./calendar.js";
import { normalizeName } from "./text.js";
import type { Refusal } from "./titles.js";

export type CampaignLaunch = { year: number; title: string; deadlineAt: Date };

/**
 * "dd/mm/yyyy Title": a campaign's registration deadline (23:59 local of that day) and its title,
 * as /campaign, /launch and the CLI take them. `usageKey` is the message that shows the form.
 */
export function parseCampaignLaunch(text: string, context: { now: Date; timeZone: string; usageKey: string }): CampaignLaunch | Refusal {
  const [deadlineText = "", ...words] = text.trim().split(/\s+/);
  const title = normalizeName(words.join(" "));
  if (!deadlineText || !title) return { key: context.usageKey, args: {} };
  const deadline = parseLocalDateTime(`${deadlineText} 23:59`, context.timeZone);
  if ("error" in deadline) return { key: "meeting-date-invalid", args: { value: deadlineText } };
  if (deadline.at <= context.now) return { key: "meeting-in-past", args: { when: formatDate(deadline.at, context.timeZone) } };
  return { year: Number(localDay(deadline.at, context.timeZone).slice(0, 4)), title, deadlineAt: deadline.at };
}
