import * as z from "zod";
import { UserError } from "../../domain/user-error.js";
import { addCluster, joinCluster } from "../../services/province/index.js";
import { command } from "../context.js";

/** cluster add <CODE> <name…> — a cluster (cụm, khối thi đua) of this database's agencies. */
export const addClusterCommand = command({
  words: "cluster add",
  async run(_input, args, { database, print, t }) {
    const code = args.needed(0, "<CODE>");
    const name = args.positional.slice(1).join(" ").trim();
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(code) || !name) throw new UserError("cli-cluster-usage");
    if (!(await database.asOwner((db) => addCluster(db, { code, name })))) throw new UserError("cli-cluster-exists", { code: code.toUpperCase() });
    print(t("cli-cluster-added", { code: code.toUpperCase(), name }));
  },
});

const leaderYear = z.coerce.number().int().min(2000).max(2100);

/** cluster member <CLUSTER> <AGENCY> [--leads YYYY] — puts the agency in the cluster; with --leads, it leads it that year. */
export const clusterMemberCommand = command({
  words: "cluster member",
  async run(_input, args, { database, print, t }) {
    const cluster = args.needed(0, "<CLUSTER>");
    const agency = args.needed(1, "<AGENCY>");
    const leads = args.flag("leads") === undefined ? undefined : leaderYear.safeParse(args.flag("leads"));
    if (leads?.success === false) throw new UserError("cli-cluster-usage");
    const saved = await database.asOwner((db) => joinCluster(db, { cluster, agency, ...(leads ? { leadsIn: leads.data } : {}) }));
    if (!saved) throw new UserError("cli-agency-unknown", { code: `${cluster.toUpperCase()} / ${agency.toUpperCase()}` });
    print(t("cli-cluster-member-saved", { cluster: cluster.toUpperCase(), agency: agency.toUpperCase() }));
  },
});
