import { writeFile } from "node:fs/promises";
import path from "node:path";
import { formatDate, localDay, systemClock } from "../../domain/calendar.js";
import { UserError } from "../../domain/user-error.js";
import { agencyName } from "../../services/rules/agency-rules.js";
import { cliActor } from "../../services/audit.js";
import { botNames } from "../../services/platform/bot-names.js";
import { telegramLink } from "../../services/invites/sheets.js";
import type { InviteScope } from "../../services/invites/issue.js";
import { type InviteSheetFormat, inviteSheetName, inviteSheets } from "../../services/invites/sheet-files.js";
import { command } from "../context.js";

/**
 * invite <staff_code…> | --unit CODE | --all [--out file.xlsx|file.docx] [--new]: named people's
 * codes are printed; a unit's or everyone's (not linked yet) go to a file. A still-valid code is
 * given again unless --new asks for new ones (which voids the old).
 */
export const inviteCommand = command({
  words: "invite",
  switches: ["--all", "--new"],
  async run(_input, args, { database, config, print, t, translate }) {
    const unitCode = args.flag("--unit");
    const scope: InviteScope = args.has("--all") ? { kind: "all" } : unitCode ? { kind: "unit", unitCode } : { kind: "people", staffCodes: args.positional };
    if (scope.kind === "people" && scope.staffCodes.length === 0)
      throw new UserError("cli-missing-argument", { argument: "<staff_code> | --unit CODE | --all" });
    const out = args.flag("--out") ?? (scope.kind === "people" ? undefined : inviteSheetName(scope, "xlsx", localDay(systemClock(), config.displayTimeZone)));
    const format: InviteSheetFormat = out && path.extname(out).toLowerCase() === ".docx" ? "docx" : "xlsx";
    const names = await botNames(config);
    const result = await inviteSheets(database.db, scope, {
      clock: systemClock,
      actor: cliActor,
      fresh: args.has("--new"),
      formats: out ? [format] : [],
      names,
      translate,
      locale: "vi",
      timeZone: config.displayTimeZone,
      agency: await agencyName(database.db, config.agencyName),
    });
    for (const code of result.unknown) print(t("invite-unknown-staff", { code }));
    if (!out) {
      for (const invite of result.issued) {
        print(
          t("cli-invite", {
            name: invite.fullName,
            date: formatDate(invite.expiresAt, config.displayTimeZone),
            code: invite.code,
            link: telegramLink(names, invite.code) ?? t("invite-sheet-telegram-search", { code: invite.code }),
          }),
        );
      }
      return;
    }
    const [file] = result.files;
    if (!file) return print(t("cli-invite-nobody"));
    await writeFile(out, file.bytes);
    const reused = result.issued.filter((invite) => invite.reused).length;
    print(t("cli-invite-sheet", { count: result.issued.length, created: result.issued.length - reused, reused, revoked: result.revoked, file: out }));
  },
});
