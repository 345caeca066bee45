import { writeFile } from "node:fs/promises";
import { formatDate, localDay, systemClock } from "../../domain/calendar.js";
import { parseCampaignLaunch } from "../../domain/campaigns.js";
import { UserError } from "../../domain/user-error.js";
import { cliActor } from "../../services/audit.js";
import { launchCampaign } from "../../services/campaigns/campaigns.js";
import { agencyName } from "../../services/rules/agency-rules.js";
import { exportRegistrations } from "../../services/registrations/export.js";
import { command, yearFlag } from "../context.js";

/** export registrations [--year YYYY] [--out file.xlsx] */
export const exportRegistrationsCommand = command({
  words: "export registrations",
  switches: ["--pending"],
  async run(_input, args, { database, config, print, t, translate }) {
    const year = yearFlag(args) ?? Number(localDay(systemClock(), config.displayTimeZone).slice(0, 4));
    const output = args.flag("--out") || `bieu-dang-ky-thi-dua-${year}.xlsx`;
    const exported = await exportRegistrations(database.db, {
      year,
      agency: await agencyName(database.db, config.agencyName),
      translate,
      now: systemClock(),
      timeZone: config.displayTimeZone,
      withPending: args.has("--pending"),
    });
    await writeFile(output, exported.bytes);
    print(t("cli-exported", { file: output, individuals: exported.individuals, collectives: exported.collectives }));
  },
});

/** campaign launch --deadline dd/mm/yyyy --title "Name" */
export const launchCampaignCommand = command({
  words: "campaign launch",
  async run(_input, args, { database, config, print, t }) {
    const launch = parseCampaignLaunch(`${args.flag("--deadline") ?? ""} ${args.flag("--title") ?? ""}`, {
      now: systemClock(),
      timeZone: config.displayTimeZone,
      usageKey: "cli-campaign-usage",
    });
    if ("key" in launch) throw new UserError(launch.key, launch.args);
    await launchCampaign(database.db, launch, { clock: systemClock, actor: cliActor });
    print(t("cli-campaign-launched", { year: String(launch.year), title: launch.title, deadline: formatDate(launch.deadlineAt, config.displayTimeZone) }));
  },
});
