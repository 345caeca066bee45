import { foldForMatching, normalizeName } from "../text.js";
import { type CalendarDate, calendarDate, digitsForWordDates } from "./dates.js";
import { namesABody, ownersInSentence } from "./owners.js";
import type { CampaignDraft } from "./plan.js";
import type { ProseItem } from "./prose-items.js";

/**
 * A campaign-launch plan (kế hoạch phát động phong trào thi đua): a province or an agency launches
 * a movement, states its window and registration deadline, and gives duties to many bodies —
 * "Các sở, ban, ngành…: …" are this agency's, "Sở Nội vụ: …" are not.
 */
export function isLaunchPlan(title: string): boolean {
  const folded = foldForMatching(title);
  return /phat dong/.test(folded) && !/cong tac thi dua/.test(folded);
}

// How a launch plan addresses the agencies it is sent to: "Các sở, ban, ngành, đoàn thể tỉnh",
// "Thủ trưởng các cơ quan, đơn vị", "UBND các huyện, thành phố".
const OUR_ADDRESS =
  /^(?:de nghi\s+)?(?:thu truong\s+)?(?:cac (?:so|co quan|don vi|dia phuong|ban nganh|nganh)|so, ban, nganh|ubnd cac huyen|uy ban nhan dan cac huyen)/;

/** Whether a body a launch plan names is the agencies it is sent to, this one among them. */
export function addressesUs(phrase: string): boolean {
  return OUR_ADDRESS.test(foldForMatching(phrase));
}

/** The body an item (or the heading above it) addresses, folded: the words before its ":" when they name a body. */
function addressee(item: ProseItem): string | undefined {
  // A heading that is only a body's name ("1. Các sở, ban, ngành tỉnh, UBND các huyện") addresses it too.
  const whole = item.depth < 5 && item.text.split(/\s+/).length <= 24 ? item.text.replace(/[.:]$/, "") : "";
  const head = /^(.{2,200}?)(?::|\s+(?:có trách nhiệm|căn cứ|chủ động|tổ chức|xây dựng)\b)/u.exec(item.text)?.[1] ?? whole;
  const words = head.replace(/^đề nghị\s+/iu, "");
  return words && namesABody(words) ? foldForMatching(words) : undefined;
}

/**
 * Whether an item is the agency's to do: the nearest body addressed — the item's own opening
 * words or a heading above it — is the agencies the plan is sent to. When the plan addresses no
 * one anywhere, everything is.
 */
export function ourDuties(items: ProseItem[]): (item: ProseItem) => boolean {
  const addressesAnyone = items.some((item) => addressee(item) !== undefined);
  return (item) => {
    // "Đăng ký thi đua: Các sở, ban, ngành… gửi bản đăng ký…": the sentence itself names them.
    if (ownersInSentence(item.text)?.lead.some(addressesUs)) return true;
    for (const candidate of [item, ...[...item.parents].reverse()]) {
      const body = addressee(candidate);
      if (body !== undefined) return OUR_ADDRESS.test(body);
    }
    return !addressesAnyone;
  };
}

// "Từ tháng 11/2025 đến tháng 11/2026": the window by months, from the first day to the last.
const MONTH_WINDOW = /từ\s+tháng\s+(\d{1,2})\s*[/.-]\s*(\d{4})\s*(?:đến|-|–)\s*(?:hết\s+)?tháng\s+(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const WINDOW =
  /từ\s+(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*(?:\([^)]*\)\s*)?(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;

/** The campaign: its name (the plan's title without "Kế hoạch"), its year and window. */
export function campaignOf(items: ProseItem[], title: string, year: number): CampaignDraft {
  let from: CalendarDate | null = null;
  let to: CalendarDate | null = null;
  for (const item of items) {
    const text = digitsForWordDates([item.text, ...item.fields.map((field) => field.value)].join(" "));
    const months = MONTH_WINDOW.exec(text);
    if (months) {
      const [, fromMonth, fromYear, toMonth, toYear] = months.map(Number);
      from = calendarDate(1, fromMonth as number, fromYear as number);
      to = calendarDate(new Date(Date.UTC(toYear as number, toMonth as number, 0)).getUTCDate(), toMonth as number, toYear as number);
      break;
    }
    const window = WINDOW.exec(text);
    if (!window) continue;
    const [, fromDay, fromMonth, fromYear, toDay, toMonth, toYear] = window.map(Number);
    from = calendarDate(fromDay as number, fromMonth as number, fromYear as number);
    to = calendarDate(toDay as number, toMonth as number, toYear as number);
    break;
  }
  return { title: normalizeName(title.replace(/^kế hoạch\s+/iu, "")), year, from, to };
}
