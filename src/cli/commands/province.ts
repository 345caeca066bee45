import { UserError } from "../../domain/user-error.js";
import { addAgency, listAgencies, provinceRollup, setChannelSetting, setParentAgency } from "../../services/province/index.js";
import { command, yearFlag } from "../context.js";

/** agency add <CODE> <name…> — a new agency of this database; its processes run with AGENCY_ID=<id>. */
export const addAgencyCommand = command({
  words: "agency add",
  async run(_input, args, { database, print, t }) {
    const code = args.needed(0, "<CODE>");
    const name = args.positional.slice(1).join(" ").trim();
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(code) || !name) throw new UserError("cli-agency-usage");
    const created = await database.asOwner((db) => addAgency(db, { code, name }));
    if (!created) throw new UserError("cli-agency-exists", { code: code.toUpperCase() });
    print(t("cli-agency-added", { id: created.id, code: created.code, name: created.name }));
  },
});

/** agency list — every agency of this database, with its id (AGENCY_ID) and its active staff. */
export const listAgenciesCommand = command({
  words: "agency list",
  async run(_input, _args, { database, print, t }) {
    for (const agency of await database.asOwner(listAgencies)) print(t("cli-agency-line", { ...agency }));
  },
});

/** province report [--year YYYY] — every agency's figures of the year side by side. */
export const provinceReportCommand = command({
  words: "province report",
  async run(_input, args, { database, print, t }) {
    const year = yearFlag(args) ?? new Date().getFullYear();
    print(t("cli-province-header", { year: String(year) }));
    for (const figures of await database.asOwner((db) => provinceRollup(db, year, new Date()))) print(t("cli-province-line", { ...figures }));
  },
});

/**
 * agency channel <CODE> <SETTING> <value|-> — keeps one of the agency's channel settings in the
 * database, sealed with CHANNEL_SECRETS_KEY ("-": the value is read from standard input, out of
 * the shell's history; an empty value removes it).
 */
export const agencyChannelCommand = command({
  words: "agency channel",
  async run(_input, args, { database, config, print, t }) {
    const code = args.needed(0, "<CODE>");
    const name = args.needed(1, "<SETTING>");
    const given = args.positional[2];
    if (given === undefined) throw new UserError("cli-agency-channel-usage");
    if (!config.channelSecretsKey) throw new UserError("channel-secrets-key-missing");
    const value = given === "-" ? (await readStandardInput()).trim() : given;
    const secret = config.channelSecretsKey;
    const saved = await database.asOwner((db) => setChannelSetting(db, { agencyCode: code, name, value }, secret));
    if (!saved) throw new UserError("cli-agency-unknown", { code: code.toUpperCase() });
    print(t(value === "" ? "cli-agency-channel-removed" : "cli-agency-channel-saved", { code: code.toUpperCase(), name, id: saved.agencyId }));
  },
});

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** agency parent <CODE> <PARENT_CODE> — the agency is followed by that one (a province's Ban Thi đua - Khen thưởng). */
export const agencyParentCommand = command({
  words: "agency parent",
  async run(_input, args, { database, print, t }) {
    const code = args.needed(0, "<CODE>");
    const parentCode = args.needed(1, "<PARENT_CODE>");
    const saved = await database.asOwner((db) => setParentAgency(db, { code, parentCode }));
    if (!saved) throw new UserError("cli-agency-unknown", { code: `${code.toUpperCase()} / ${parentCode.toUpperCase()}` });
    print(t("cli-agency-parent-saved", { code: code.toUpperCase(), parent: parentCode.toUpperCase() }));
  },
});
