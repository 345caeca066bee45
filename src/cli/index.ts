import { asc, gte } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "../db/schema/index.js";
import { createApp, openConfiguredDatabase } from "../app.js";
import { ConfigError, loadConfig } from "../config.js";
import { createI18n, DEFAULT_LOCALE, toLocale } from "../bot/i18n.js";
import { backupPglite, type DatabaseHandle, isStorageFull, restorePglite } from "../db/client.js";
import { readFile, writeFile } from "node:fs/promises";
import { parseCampaignLaunch } from "../domain/campaigns.js";
import { parseInspectionPlan } from "../domain/inspections.js";
import { createInspection } from "../services/inspections.js";
import { formatDate, formatDateTime, localDay, parseLocalDateTime, systemClock } from "../domain/calendar.js";
import { parseHistoryRows } from "../domain/history.js";
import { launchCampaign } from "../services/campaigns.js";
import { catalogueOn } from "../services/catalogue.js";
import { exportRegistrations } from "../services/registration-export.js";
import { importTitleHistory } from "../services/registrations/index.js";
import { addHoliday, listHolidays } from "../services/holidays.js";
import { htmlToPlainText } from "../domain/text.js";
import { createLogger } from "../logger.js";
import { Dispatcher, type Sender } from "../scheduler/dispatcher.js";
import { reminderSettings, sweepReminders } from "../services/reminders/index.js";
import { UserError } from "../domain/user-error.js";
import { cliActor } from "../services/audit.js";
import { seedDemo } from "../services/demo.js";
import { createInvite } from "../services/invites.js";
import { previewPlan, savePlan } from "../services/plans.js";
import { docxToText } from "../services/documents/sandboxed-parse.js";
import { decodeTextDocument } from "../services/documents/text-document.js";
import { readPlanFile } from "../services/plan-file.js";
import { importRoster } from "../services/roster.js";
import { readRosterFile } from "../services/roster-file.js";
import type { ParsedPlan } from "../domain/plan-document.js";
import type { RawRow } from "../domain/roster.js";

const i18n = createI18n();
const locale = toLocale(process.env.TDKT_LANG ?? process.env.LANG) ?? DEFAULT_LOCALE;
const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
const print = (line: string) => process.stdout.write(`${line}\n`);

/** The admin CLI: `npm run tdkt -- <command> …`. Exit 0 on success, 1 with one line on bad input. */
async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const words = [command, rest[0]].filter(Boolean).join(" ");
  if (!command || command === "help" || command === "--help") {
    print(t("cli-usage"));
    return;
  }
  const config = loadConfig();
  const needed = (index: number, name: string) => {
    const value = rest[index];
    if (!value) throw new UserError("cli-missing-argument", { argument: name });
    return value;
  };
  // Files are read and checked before the database opens: a hostile file then costs the CLI a
  // refusal and the parser's memory, never the embedded database's ~350 MB on top.
  const uploads: { rows?: RawRow[]; plan?: ParsedPlan; text?: string } = {};
  const readFiles: Record<string, (() => Promise<void>) | undefined> = {
    "import roster": async () => {
      uploads.rows = await readRosterFile(needed(1, "<file.csv|file.xlsx>"));
    },
    "import history": async () => {
      uploads.rows = await readRosterFile(needed(1, "<file.csv>"));
    },
    "import inspection": async () => {
      uploads.text = await readInspectionText(needed(1, "<file>"));
    },
    "import plan": async () => {
      const file = needed(1, "<file.docx|file.md|file.txt>");
      const yearFlag = flag(rest, "--year");
      const year = yearFlag === undefined ? undefined : Number(yearFlag);
      if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new UserError("cli-bad-year", { value: yearFlag ?? "" });
      uploads.plan = await readPlanFile(file, year);
    },
  };
  const known: Record<string, ((database: DatabaseHandle) => Promise<void>) | undefined> = {
    migrate: async (database) => {
      print(t("cli-migrated", { driver: database.driver }));
    },
    "import roster": async (database) => {
      const result = await importRoster(database.db, uploads.rows as RawRow[], { clock: systemClock, actor: cliActor, source: rest[1] ?? "" });
      print(
        t("cli-roster-summary", {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected.length,
          units: result.unitsCreated,
        }),
      );
      if (result.ignoredColumns.length > 0) print(t("cli-roster-ignored-columns", { columns: result.ignoredColumns.join(", ") }));
      for (const row of result.rejected) print(t("cli-roster-rejected", { line: String(row.line), reason: t(row.key, row.args) }));
    },
    "import plan": async (database) => {
      const plan = uploads.plan as ParsedPlan;
      const file = rest[1] ?? "";
      const preview = await previewPlan(database.db, plan, config.displayTimeZone);
      const unitName = new Map(preview.units.map((unit) => [unit.id, unit.name]));
      // Matched units by their roster name, unmatched phrases as written with a question mark.
      const names = (ids: number[], phrases: string[], unmatched: string[]) =>
        [...ids.map((id) => unitName.get(id) ?? ""), ...phrases.filter((p) => unmatched.includes(p)).map((p) => `${p} (?)`)].join("; ") || "—";
      print(t("cli-plan-header", { title: plan.title, year: String(plan.year), tasks: plan.tasks.length }));
      for (const quarter of [1, 2, 3, 4] as const) {
        const tasks = preview.tasks.filter((task) => task.quarter === quarter);
        print(t("cli-plan-quarter", { quarter, count: tasks.length }));
        for (const task of tasks) {
          print(t("cli-plan-task", { number: task.number, content: task.content.replace(/\n/g, " "), due: formatDate(task.dueAt, config.displayTimeZone) }));
          print(
            t("cli-plan-units", {
              lead: names(task.leadUnitIds, task.leadUnits, task.unmatched),
              coordinating: names(task.coordinatingUnitIds, task.coordinatingUnits, task.unmatched),
            }),
          );
        }
      }
      if (preview.unmatched.length > 0) print(t("cli-plan-unmatched", { phrases: preview.unmatched.join("; ") }));
      if (rest.includes("--dry-run")) return;
      const saved = await savePlan(database.db, preview, { clock: systemClock, actor: cliActor, source: file });
      print(t("cli-plan-saved", { created: saved.created, updated: saved.updated, removed: saved.removed }));
    },
    "reminders run": async (database) => {
      const atFlag = flag(rest, "--at");
      const at = atFlag === undefined ? new Date() : new Date(atFlag);
      if (Number.isNaN(at.getTime())) throw new UserError("cli-bad-time", { value: atFlag ?? "" });
      const dryRun = rest.includes("--dry-run");
      const queued = await sweepReminders(database.db, {
        now: at,
        translate: (locale, key, args) => i18n.t(locale, key, args),
        settings: reminderSettings(config),
        dryRun,
      });
      print(t(dryRun ? "cli-reminders-planned" : "cli-reminders-queued", { count: queued.length, at: formatDateTime(at, config.displayTimeZone) }));
      for (const message of dryRun ? queued : []) print(`— ${message.dedupeKey}\n${htmlToPlainText(message.payload.text)}`);
      if (dryRun) return;
      // With a token the messages go to that platform (each at its own rate); without one they are printed here.
      const logger = createLogger(config, "warn");
      const app = config.telegram.token || config.zalo.token ? await createApp(config, { database, clock: () => at, logger, background: false }) : undefined;
      const printed: Sender = async (message) => {
        print(`→ ${message.platform}:${message.chatId}\n${htmlToPlainText(message.payload.text)}`);
        return { kind: "sent" };
      };
      const dispatchers = app ? app.dispatchers() : [new Dispatcher({ db: database.db, send: printed, logger, clock: () => at, rate: config.broadcast.rate })];
      let sent = 0;
      for (const dispatcher of dispatchers) sent += await dispatcher.drainAll();
      print(t("cli-reminders-sent", { count: sent }));
    },
    "holiday add": async (database) => {
      const day = needed(1, "<yyyy-mm-dd>");
      const name = rest.slice(2).join(" ").trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || "error" in parseLocalDateTime(day.split("-").reverse().join("/"))) {
        throw new UserError("cli-bad-day", { value: day });
      }
      if (!name) throw new UserError("cli-missing-argument", { argument: "<name>" });
      await addHoliday(database.db, day, name, { clock: systemClock, actor: cliActor });
      print(t("cli-holiday-added", { day, name }));
    },
    "holiday list": async (database) => {
      for (const holiday of await listHolidays(database.db)) print(`${holiday.day}  ${holiday.name}`);
    },
    "import inspection": async (database) => {
      const kind = inspectionKind.safeParse(flag(rest, "--kind") ?? "direct");
      if (!kind.success) throw new UserError("cli-inspection-usage");
      const team = (flag(rest, "--team") ?? "")
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean);
      const plan = parseInspectionPlan(uploads.text as string, Number(flag(rest, "--year")) || undefined);
      const result = await createInspection(
        database.db,
        { plan, kind: kind.data, team: team.map((staffCode, index) => ({ staffCode, role: index === 0 ? "head" : "member" })) },
        { clock: systemClock, actor: cliActor },
      );
      if (result.kind === "refused") throw new UserError(result.refusal.key, result.refusal.args);
      print(
        t("cli-inspection-created", {
          id: result.inspectionId,
          title: plan.title,
          units: result.units,
          from: plan.windowFrom,
          to: plan.windowTo,
          notice: plan.noticeDays,
          report: plan.reportDays,
        }),
      );
      if (result.unmatched.length > 0) print(t("cli-plan-unmatched", { phrases: result.unmatched.join("; ") }));
    },
    audit: async (database) => {
      const sinceText = flag(rest, "--since") ?? "";
      const since = parseLocalDateTime(sinceText, config.displayTimeZone, "00:00");
      if ("error" in since) throw new UserError("cli-audit-usage");
      const entries = await database.db.select().from(auditLog).where(gte(auditLog.at, since.at)).orderBy(asc(auditLog.at), asc(auditLog.id));
      for (const entry of entries) {
        print(`${formatDateTime(entry.at, config.displayTimeZone)}  ${entry.actorLabel}  ${entry.action}  ${entry.subject}  ${JSON.stringify(entry.details)}`);
      }
      print(t("cli-audit-count", { count: entries.length }));
    },
    "import history": async (database) => {
      const parsed = parseHistoryRows(uploads.rows as RawRow[]);
      const result = await importTitleHistory(database.db, parsed.rows, {
        clock: systemClock,
        actor: cliActor,
        catalogue: await catalogueOn(database.db, localDay(systemClock(), config.displayTimeZone)),
      });
      const rejected = [...parsed.rejected, ...result.rejected].sort((a, b) => a.line - b.line);
      print(t("cli-history-summary", { imported: result.imported, rejected: rejected.length }));
      for (const row of rejected) print(t("cli-roster-rejected", { line: String(row.line), reason: t(row.key, row.args) }));
    },
    "export registrations": async (database) => {
      const yearFlag = flag(rest, "--year");
      const year = Number(yearFlag ?? localDay(systemClock(), config.displayTimeZone).slice(0, 4));
      if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new UserError("cli-bad-year", { value: yearFlag ?? "" });
      const output = flag(rest, "--out") || `bieu-dang-ky-thi-dua-${year}.xlsx`;
      const exported = await exportRegistrations(database.db, { year, agency: config.agencyName, translate: (locale, key, args) => i18n.t(locale, key, args) });
      await writeFile(output, exported.bytes);
      print(t("cli-exported", { file: output, individuals: exported.individuals, collectives: exported.collectives }));
    },
    "campaign launch": async (database) => {
      const launch = parseCampaignLaunch(`${flag(rest, "--deadline") ?? ""} ${flag(rest, "--title") ?? ""}`, {
        now: systemClock(),
        timeZone: config.displayTimeZone,
        usageKey: "cli-campaign-usage",
      });
      if ("key" in launch) throw new UserError(launch.key, launch.args);
      await launchCampaign(database.db, launch, { clock: systemClock, actor: cliActor });
      print(t("cli-campaign-launched", { year: String(launch.year), title: launch.title, deadline: formatDate(launch.deadlineAt, config.displayTimeZone) }));
    },
    invite: async (database) => {
      const staffCode = needed(0, "<staff_code>");
      const invite = await createInvite(database.db, staffCode, { clock: systemClock, actor: cliActor });
      const botName = process.env.TELEGRAM_BOT_USERNAME ?? (await telegramUsername(config.telegram)) ?? "<bot>";
      print(
        t("cli-invite", {
          name: invite.person.fullName,
          date: formatDate(invite.expiresAt, config.displayTimeZone),
          code: invite.code,
          link: `https://t.me/${botName}?start=${invite.code}`,
        }),
      );
    },
    "seed demo": async (database) => {
      const result = await seedDemo(database.db, { clock: systemClock, actor: cliActor });
      print(t("cli-seeded", { people: result.people }));
    },
  };
  // Backups work on the directory itself, not through an open database.
  if (command === "backup" || command === "restore") {
    const file = needed(0, "<file>");
    if (config.databaseUrl) throw new UserError("backup-use-pg-dump");
    if (command === "backup") print(t("cli-backup-done", { file, size: ((await backupPglite(config.dataDir, file)) / 1048576).toFixed(1) }));
    else {
      await restorePglite(config.dataDir, file);
      print(t("cli-restore-done", { file, dir: config.dataDir }));
    }
    return;
  }
  const run = known[words] ?? known[command];
  if (!run) throw new UserError("cli-unknown-command", { command: words });
  await readFiles[words]?.();
  const database = await openConfiguredDatabase(config);
  try {
    await run(database);
  } finally {
    await database.close();
  }
}

const getMeResponse = z.object({ result: z.object({ username: z.string().regex(/^\w{3,64}$/) }) });

const inspectionKind = z.enum(["direct", "self", "cross"]);

/** The text of an inspection plan: a .docx through mammoth, anything else as UTF-8 text. */
async function readInspectionText(file: string): Promise<string> {
  const bytes = await readFile(file).catch(() => {
    throw new UserError("file-not-found", { file });
  });
  if (file.toLowerCase().endsWith(".docx")) return docxToText(bytes, "plan-docx-invalid");
  return decodeTextDocument(bytes, { maxLines: 20_000, invalidKey: "plan-not-document" });
}

/** The value after a flag, as in `--year 2024`. */
function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? "") : undefined;
}

/** The bot's username for the invite link, when a token is configured. */
async function telegramUsername(telegram: { token: string | undefined; apiRoot: string }): Promise<string | undefined> {
  if (!telegram.token) return undefined;
  try {
    const response = await fetch(`${telegram.apiRoot}/bot${telegram.token}/getMe`, { signal: AbortSignal.timeout(5000) });
    const body = getMeResponse.safeParse(await response.json());
    return body.success ? body.data.result.username : undefined;
  } catch {
    return undefined;
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
