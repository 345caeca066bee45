import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entitiesToHtml, checkBroadcastText } from "../../src/domain/broadcast-text.js";
import { formatDate, parseLocalDateTime } from "../../src/domain/calendar.js";
import { parseCampaignLaunch } from "../../src/domain/campaigns.js";
import { parseHistoryRows } from "../../src/domain/history.js";
import { parseInspectionPlan } from "../../src/domain/plan-reader/inspection-plan.js";
import { tablesFromHtml, tablesFromMarkdown, tablesFromTabSeparated } from "../../src/domain/plan-reader/document-model.js";
import { parsePlanTables } from "../../src/domain/plan-reader/table-duties.js";
import { applyCorrection, parseCorrection } from "../../src/domain/plan-reader/corrections.js";
import { planDocumentFromText, readPlan } from "../../src/domain/plan-reader/reading.js";
import { parseRoster } from "../../src/domain/roster.js";
import { parseTelegramHtml } from "../../src/domain/telegram-html.js";
import { escapeHtml } from "../../src/domain/text.js";
import { UserError } from "../../src/domain/user-error.js";
import { readCsv } from "../../src/services/roster/file.js";
import { normalizeInviteCode } from "../../src/services/invites/codes.js";
import { keyChoices, matchChoiceReply, splitText } from "../../src/domain/numbered-choices.js";
import { foldForMatching } from "../../src/domain/text.js";
import { parseZaloEvent } from "../../src/transports/zalo/events.js";

// A fixed seed and a bounded number of runs: the same inputs in every CI run, a few seconds in all.
const settings = { seed: 20261121, numRuns: 300 };

/** Runs a parser on anything: it may return or refuse with a UserError, never fail otherwise. */
function total(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

// Text that looks like what people paste: Vietnamese, separators, markup, numbers, dates.
const documentish = fc.stringMatching(/^[\w\sÀ-ỹ|\t<>/&;:.,\-"#*()]{0,400}$/u);
const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("QUÝ I", "II", "Nội dung", "Đơn vị chủ trì", "phối hợp", "STT", "1", "trước ngày 31/02/2024", "Văn phòng"),
);

describe("no input breaks a parser", () => {
  it("roster rows: kept or rejected with a reason", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), (rows) => {
        total(() =>
          parseRoster(
            rows.map((cells, index) => ({ line: index + 1, cells })),
            { deputyRole: "staff" },
          ),
        );
      }),
      settings,
    );
  });

  it("roster CSV bytes: rows or a clear refusal", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => total(() => readCsv(bytes))),
      settings,
    );
    fc.assert(
      fc.property(documentish, (text) => total(() => readCsv(Buffer.from(text)))),
      settings,
    );
  });

  it("plan documents in every form", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 15 }), fc.integer({ min: 2000, max: 2100 }), (rows, year) => {
        total(() => parsePlanTables([rows], { year }));
      }),
      settings,
    );
    fc.assert(
      fc.property(documentish, (text) => {
        for (const read of [tablesFromMarkdown, tablesFromTabSeparated, tablesFromHtml]) total(() => parsePlanTables(read(text), { year: 2024 }));
        total(() => readPlan(planDocumentFromText(`KẾ HOẠCH\n${text}`), { fileName: "x.md", year: 2024 }));
      }),
      settings,
    );
  });

  it("corrections typed to a previewed plan", () => {
    const plan = readPlan(planDocumentFromText("KẾ HOẠCH\nNăm 2024\n| STT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Việc | Văn phòng |"), {
      fileName: "x.md",
    });
    const typed = fc.oneof(documentish, fc.constantFrom("sửa 1 hạn 31/02", "sửa 0 quý 5", "bỏ 99", "thêm quý 9:", "xem quý 7", "sửa 1 chủ trì ;;"));
    fc.assert(
      fc.property(typed, (text) => {
        const correction = parseCorrection(text, 2024);
        if (!("key" in correction) && correction.kind !== "show") applyCorrection(plan, correction);
      }),
      settings,
    );
  });

  it("inspection plans and title history", () => {
    fc.assert(
      fc.property(documentish, (text) => total(() => parseInspectionPlan(text, 2024))),
      settings,
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 10 }), (rows) => {
        total(() => parseHistoryRows(rows.map((cells, index) => ({ line: index + 1, cells }))));
      }),
      settings,
    );
  });

  it("dates: a moment or the reason it is none; real dates round-trip", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => void parseLocalDateTime(text)),
      settings,
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const shown = formatDate(date);
        const parsed = parseLocalDateTime(`${shown} 12:00`);
        expect("at" in parsed && formatDate(parsed.at)).toBe(shown);
      }),
      settings,
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        (text) => void parseCampaignLaunch(text, { now: new Date("2025-01-01T00:00:00Z"), timeZone: "Asia/Ho_Chi_Minh", usageKey: "campaign-usage" }),
      ),
      settings,
    );
  });

  it("Zalo numbered replies: a choice in range, a re-prompt, or plain text — never a wrong option", () => {
    const labels = fc.array(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom("Lao động tiên tiến", "✅ Xác nhận đăng ký", "« Quay lại", "Hủy", "Đăng ký ngay", "✓ Duyệt 2", "↩ Trả lại 2", "Đổi 11"),
      ),
      { minLength: 1, maxLength: 8 },
    );
    const reply = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer({ min: -3, max: 12 }).map((n) => `${n}`),
      fc.integer({ min: 0, max: 12 }).map((n) => `số ${n}`),
      fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom("a", "b", "c")).map(([n, letter]) => `${n}${letter}`),
    );
    fc.assert(
      fc.property(labels, reply, (options, text) => {
        const keys = keyChoices(options);
        const offered = options.map((label, index) => ({ label, key: keys[index] as string }));
        const result = matchChoiceReply(text, offered);
        if (result?.kind === "chosen") {
          expect(result.index).toBeGreaterThanOrEqual(0);
          expect(result.index).toBeLessThan(options.length);
          // Chosen by number, or by the one label that reads the same without accents.
          const folded = (value: string) =>
            foldForMatching(value)
              .replace(/[^\p{L}\p{N}]+/gu, " ")
              .trim();
          const typedKey = /(\d+)\s*([a-z])?/.exec(foldForMatching(text));
          const byKey = typedKey !== null && `${Number(typedKey[1])}${typedKey[2] ?? ""}` === offered[result.index]?.key;
          expect(byKey || folded(options[result.index] as string) === folded(text)).toBe(true);
        }
        if (result?.kind === "out-of-range") expect([result.first, result.last]).toEqual([offered[0]?.key, offered.at(-1)?.key]);
      }),
      settings,
    );
  });

  it("Zalo texts: ordered parts within the limit, nothing lost", () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.constant("\n\n"), fc.constant("\n")), { maxLength: 40 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 2000 }), (whole, limit) => {
        const parts = splitText(whole, limit);
        for (const part of parts) {
          expect([...part].length).toBeLessThanOrEqual(limit);
          expect(part.trim().length).toBeGreaterThan(0);
        }
        expect(parts.join("").replace(/\s+/g, "")).toBe(whole.replace(/\s+/g, ""));
      }),
      settings,
    );
  });

  it("Zalo events of any shape: an event, an event to ignore, or nothing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const event = parseZaloEvent(body);
        if (event && event !== "ignored") expect(typeof event.message.chat.id).toBe("string");
      }),
      settings,
    );
  });

  it("invite codes typed any way", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const code = normalizeInviteCode(text);
        expect(code === undefined || /^[A-Z2-9]{10}$/.test(code)).toBe(true);
      }),
      settings,
    );
  });

  it("HTML we produce always parses as Telegram parses it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(parseTelegramHtml(escapeHtml(text))).toEqual({ text });
      }),
      settings,
    );
    const entity = fc.record({
      type: fc.constantFrom("bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link", "mention", "pre"),
      offset: fc.nat({ max: 60 }),
      length: fc.integer({ min: 1, max: 30 }),
      url: fc.webUrl(),
    });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.array(entity, { maxLength: 4 }), (text, entities) => {
        // Telegram's entities nest properly and lie inside the text; so do these.
        const nested = entities
          .map((item) => ({ ...item, offset: Math.min(item.offset, text.length - 1) }))
          .map((item) => ({ ...item, length: Math.min(item.length, text.length - item.offset) }))
          .sort((a, b) => a.offset - b.offset)
          .filter((item, index, all) =>
            all.slice(0, index).every((before) => before.offset + before.length <= item.offset || before.offset + before.length >= item.offset + item.length),
          );
        const html = entitiesToHtml(text, nested);
        expect("text" in parseTelegramHtml(html)).toBe(true);
        expect(checkBroadcastText(html, false)?.key ?? "ok").not.toBe("broadcast-html-invalid");
      }),
      settings,
    );
  });
});
