import { formatDate } from "../../domain/calendar.js";
import type { BotNames } from "../platform/bot-names.js";
import type { IssuedInvite } from "./issue.js";
import type { Translate } from "../outbox.js";
import { FONT, formHeading, tableRow } from "../documents/official-form.js";

export type SheetContext = { names: BotNames; translate: Translate; locale: string; timeZone: string; agency: string };

/** The Telegram link that opens the bot with the code, when the bot's username is known. */
export function telegramLink(names: BotNames, code: string): string | undefined {
  return names.telegram ? `https://t.me/${names.telegram}?start=${code}` : undefined;
}

/** How to link on each platform, in words that fit on a slip. */
function howToLink(context: SheetContext, code: string): { telegram: string; zalo: string } {
  const t = (key: string, args: Record<string, string>) => context.translate(context.locale, key, args);
  const link = telegramLink(context.names, code);
  return {
    telegram: link ? t("invite-sheet-telegram-link", { link }) : t("invite-sheet-telegram-search", { code }),
    zalo: context.names.zalo ? t("invite-sheet-zalo", { name: context.names.zalo, code }) : t("invite-sheet-zalo-unnamed", { code }),
  };
}

/** The list to keep: one row per person with the code, its expiry and how to link. */
export async function invitesWorkbook(issued: IssuedInvite[], context: SheetContext): Promise<Buffer> {
  const t = (key: string) => context.translate(context.locale, key);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("invite-sheet-name"));
  const headers = [
    "invite-col-number",
    "invite-col-name",
    "invite-col-unit",
    "invite-col-staff-code",
    "invite-col-code",
    "invite-col-expires",
    "invite-col-telegram",
    "invite-col-zalo",
  ].map(t);
  const headerRow = formHeading(sheet, {
    columns: headers.length,
    agency: context.agency,
    title: t("invite-sheet-title"),
    dateLine: "",
    widths: [6, 28, 28, 14, 14, 12, 44, 44],
  });
  tableRow(sheet, headerRow, headers, { bold: true });
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  issued.forEach((invite, index) => {
    const how = howToLink(context, invite.code);
    tableRow(sheet, headerRow + 1 + index, [
      index + 1,
      invite.fullName,
      invite.unitName,
      invite.staffCode,
      invite.code,
      formatDate(invite.expiresAt, context.timeZone),
      how.telegram,
      how.zalo,
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const SLIPS_PER_ROW = 2;
const QR_PIXELS = 140;

/**
 * A4 pages of cut-out slips, two to a row: name, unit, the code in large letters, its expiry, a
 * QR code (the Telegram link, or the code itself when the bot has no Telegram username) and the
 * way to link on Telegram and on Zalo.
 */
export async function inviteSlipsDocx(issued: IssuedInvite[], context: SheetContext): Promise<Buffer> {
  const t = (key: string, args: Record<string, string> = {}) => context.translate(context.locale, key, args);
  const [{ AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType }, { default: QRCode }] = await Promise.all([
    import("docx"),
    import("qrcode"),
  ]);
  const text = (value: string, style: { bold?: boolean; size?: number } = {}) =>
    new Paragraph({ children: [new TextRun({ text: value, font: FONT.name, size: (style.size ?? 11) * 2, bold: style.bold ?? false })] });
  const slips = await Promise.all(
    issued.map(async (invite) => {
      const how = howToLink(context, invite.code);
      const qr = await QRCode.toBuffer(telegramLink(context.names, invite.code) ?? invite.code, { type: "png", width: QR_PIXELS, margin: 1 });
      return new TableCell({
        width: { size: 50, type: WidthType.PERCENTAGE },
        margins: { top: 120, bottom: 120, left: 120, right: 120 },
        children: [
          text(context.agency || t("privacy-agency-unnamed"), { size: 9 }),
          text(invite.fullName, { bold: true, size: 13 }),
          text(invite.unitName, { size: 10 }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new ImageRun({ type: "png", data: qr, transformation: { width: 96, height: 96 } }),
              new TextRun({ text: `  ${invite.code}`, font: "Courier New", size: 32, bold: true }),
            ],
          }),
          text(t("invite-sheet-expires", { date: formatDate(invite.expiresAt, context.timeZone) }), { size: 9 }),
          text(how.telegram, { size: 9 }),
          text(how.zalo, { size: 9 }),
        ],
      });
    }),
  );
  const rows: InstanceType<typeof TableRow>[] = [];
  for (let start = 0; start < slips.length; start += SLIPS_PER_ROW) {
    const cells = slips.slice(start, start + SLIPS_PER_ROW);
    while (cells.length < SLIPS_PER_ROW) cells.push(new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph("")] }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  const document = new Document({
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 567, bottom: 567, left: 567, right: 567 } } },
        children: [text(t("invite-sheet-slips-title"), { bold: true, size: 12 }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
