import * as z from "zod";
import { formatDate, systemClock } from "../../domain/calendar.js";
import { UserError } from "../../domain/user-error.js";
import { cliActor } from "../../services/audit.js";
import { closePrivacyRequest, openPrivacyRequests } from "../../services/accounts/privacy.js";
import { command } from "../context.js";

/** privacy requests: the correction and deletion requests waiting for the secretariat. */
export const privacyRequestsCommand = command({
  words: "privacy requests",
  async run(_input, _args, { database, config, print, t }) {
    const open = await openPrivacyRequests(database.db);
    if (open.length === 0) return print(t("cli-privacy-none"));
    for (const request of open) {
      print(
        t("cli-privacy-request", {
          id: request.id,
          kind: t(`cli-privacy-kind-${request.kind}`),
          date: formatDate(request.createdAt, config.displayTimeZone),
          name: request.name,
          code: request.staffCode,
          text: request.text,
        }),
      );
    }
  },
});

const requestId = z.coerce.number().int().positive();

/** privacy done <id> <note>: records that a request was handled and how. */
export const privacyDoneCommand = command({
  words: "privacy done",
  async run(_input, args, { database, print, t }) {
    const id = requestId.safeParse(args.needed(0, "<id>"));
    const note = args.positional.slice(1).join(" ").trim();
    if (!id.success) throw new UserError("cli-missing-argument", { argument: "<id>" });
    if (!note) throw new UserError("cli-missing-argument", { argument: "<note>" });
    const closed = await closePrivacyRequest(database.db, id.data, note, { clock: systemClock, actor: cliActor });
    print(t(closed ? "cli-privacy-done" : "cli-privacy-not-open", { id: id.data }));
  },
});
