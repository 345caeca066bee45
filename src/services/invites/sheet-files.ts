import type { Database } from "../../db/client.js";
import type { Clock } from "../../domain/calendar.js";
import type { Actor } from "../audit.js";
import type { BotNames } from "../platform/bot-names.js";
import { inviteSlipsDocx, invitesWorkbook } from "./sheets.js";
import { type InviteScope, type IssuedInvite, issueInvites } from "./issue.js";
import type { Translate } from "../outbox.js";

export type InviteSheetFormat = "xlsx" | "docx";

/**
 * Issues the invites of a scope and lays them out in the asked formats: the .xlsx list to keep
 * and the .docx slips to cut out and hand round.
 */
export async function inviteSheets(
  db: Database,
  scope: InviteScope,
  context: {
    clock: Clock;
    actor: Actor;
    fresh: boolean;
    formats: InviteSheetFormat[];
    names: BotNames;
    translate: Translate;
    locale: string;
    timeZone: string;
    agency: string;
  },
): Promise<{ issued: IssuedInvite[]; unknown: string[]; revoked: number; files: { format: InviteSheetFormat; bytes: Buffer }[] }> {
  const result = await issueInvites(db, scope, { clock: context.clock, actor: context.actor, fresh: context.fresh });
  const files: { format: InviteSheetFormat; bytes: Buffer }[] = [];
  if (result.issued.length > 0) {
    for (const format of context.formats) {
      files.push({ format, bytes: format === "xlsx" ? await invitesWorkbook(result.issued, context) : await inviteSlipsDocx(result.issued, context) });
    }
  }
  return { ...result, files };
}

/** The file name a sheet is sent or written under: the scope and the day. */
export function inviteSheetName(scope: InviteScope, format: InviteSheetFormat, day: string): string {
  const label = scope.kind === "unit" ? scope.unitCode.toUpperCase() : scope.kind === "all" ? "tat-ca" : "danh-sach";
  return `ma-moi-${label}-${day}.${format === "xlsx" ? "xlsx" : "docx"}`;
}
