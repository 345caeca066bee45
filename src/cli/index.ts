import { openConfiguredDatabase } from "../app.js";
import { ConfigError, loadConfig } from "../config.js";
import { isStorageFull } from "../db/client.js";
import { backupPglite, restorePglite } from "../db/pglite-backup.js";
import { UserError } from "../domain/user-error.js";
import { auditCommand } from "./commands/audit.js";
import { importHistoryCommand } from "./commands/history.js";
import { addHolidayCommand, listHolidaysCommand } from "./commands/holidays.js";
import { importInspectionCommand } from "./commands/inspection.js";
import { inviteCommand } from "./commands/invite.js";
import { migrateCommand, seedDemoCommand } from "./commands/people.js";
import { importPlanCommand } from "./commands/plan.js";
import { addAgencyCommand, agencyChannelCommand, agencyParentCommand, listAgenciesCommand, provinceReportCommand } from "./commands/province.js";
import { addClusterCommand, clusterMemberCommand } from "./commands/clusters.js";
import { privacyDoneCommand, privacyRequestsCommand } from "./commands/privacy.js";
import { exportRegistrationsCommand, launchCampaignCommand } from "./commands/registrations.js";
import { runRemindersCommand } from "./commands/reminders.js";
import { importRosterCommand } from "./commands/roster.js";
import { type CliCommand, cliTranslations, parseArgs } from "./context.js";

const COMMANDS: CliCommand<unknown>[] = [
  migrateCommand,
  importRosterCommand,
  importPlanCommand,
  importInspectionCommand,
  importHistoryCommand,
  runRemindersCommand,
  addHolidayCommand,
  listHolidaysCommand,
  auditCommand,
  exportRegistrationsCommand,
  launchCampaignCommand,
  inviteCommand,
  seedDemoCommand,
  privacyRequestsCommand,
  privacyDoneCommand,
  addAgencyCommand,
  listAgenciesCommand,
  provinceReportCommand,
  agencyChannelCommand,
  agencyParentCommand,
  addClusterCommand,
  clusterMemberCommand,
];

const { t, translate } = cliTranslations();
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The admin CLI: `npm run tdkt -- <command> …`. Exit 0 on success, 1 with one line on bad input. */
async function main(tokens: string[]): Promise<void> {
  const [first, second] = tokens;
  if (!first || first === "help" || first === "--help") return print(t("cli-usage"));
  const config = loadConfig();
  // Backups work on the directory itself, not through an open database.
  if (first === "backup" || first === "restore") {
    const file = parseArgs(tokens.slice(1)).needed(0, "<file>");
    if (config.databaseUrl) throw new UserError("backup-use-pg-dump");
    if (first === "backup") return print(t("cli-backup-done", { file, size: ((await backupPglite(config.dataDir, file)) / 1048576).toFixed(1) }));
    await restorePglite(config.dataDir, file);
    return print(t("cli-restore-done", { file, dir: config.dataDir }));
  }
  const found = COMMANDS.find((candidate) => candidate.words === `${first} ${second}`) ?? COMMANDS.find((candidate) => candidate.words === first);
  if (!found) throw new UserError("cli-unknown-command", { command: [first, second].filter(Boolean).join(" ") });
  const args = parseArgs(tokens.slice(found.words.split(" ").length), found.switches);
  const input = await found.read?.(args);
  const database = await openConfiguredDatabase(config);
  try {
    await found.run(input, args, { database, config, print, t, translate });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof UserError) console.error(t(error.key, error.args));
    else if (isStorageFull(error)) console.error(t("cli-storage-full"));
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
