import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";
import { agencies, clusterMembers, clusters } from "../../db/schema/index.js";

/** Adds a cluster (cụm, khối thi đua), on the owner's connection: the province's administrator keeps them. */
export async function addCluster(ownerDb: Database, input: { code: string; name: string }): Promise<boolean> {
  const created = await ownerDb
    .insert(clusters)
    .values({ code: input.code.trim().toUpperCase(), name: input.name.trim() })
    .onConflictDoNothing()
    .returning({ id: clusters.id });
  return created.length > 0;
}

/** Puts an agency in a cluster, or makes it the year's leader (cụm trưởng) there; false if either is unknown. */
export async function joinCluster(ownerDb: Database, input: { cluster: string; agency: string; leadsIn?: number }): Promise<boolean> {
  const [cluster] = await ownerDb.select({ id: clusters.id }).from(clusters).where(eq(clusters.code, input.cluster.trim().toUpperCase()));
  const [agency] = await ownerDb.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.agency.trim().toUpperCase()));
  if (!cluster || !agency) return false;
  await ownerDb
    .insert(clusterMembers)
    .values({ clusterId: cluster.id, agencyId: agency.id, leadsIn: input.leadsIn ?? null })
    .onConflictDoUpdate({ target: [clusterMembers.clusterId, clusterMembers.agencyId], set: { leadsIn: input.leadsIn ?? null } });
  return true;
}

/** The clusters this agency is in, each with its members and who leads it in a year (an agency's own connection). */
export async function clustersOf(
  db: Database,
  year: number,
): Promise<{ code: string; name: string; members: { code: string; name: string; leads: boolean }[] }[]> {
  const rows = await queryRows<{ cluster_code: string; cluster_name: string; code: string; name: string; leads: boolean }>(
    db,
    sql`select c.code as cluster_code, c.name as cluster_name, coalesce(r.code, me.code) as code, coalesce(r.name, me.name) as name,
          coalesce(m.leads_in = ${year}, false) as leads
        from clusters c join cluster_members m on m.cluster_id = c.id
        left join tdkt_related_agencies() r on r.id = m.agency_id and r.relation = 'cluster'
        left join agencies me on me.id = m.agency_id
        order by c.code, 3`,
  );
  const byCluster = new Map<string, { code: string; name: string; members: { code: string; name: string; leads: boolean }[] }>();
  for (const row of rows) {
    const cluster = byCluster.get(row.cluster_code) ?? { code: row.cluster_code, name: row.cluster_name, members: [] };
    cluster.members.push({ code: row.code, name: row.name, leads: row.leads });
    byCluster.set(row.cluster_code, cluster);
  }
  return [...byCluster.values()];
}

/** The cluster this agency leads in a year, with its other members' ids; undefined when it leads none. */
export async function clusterLedIn(db: Database, year: number): Promise<{ id: number; name: string; members: number[] } | undefined> {
  const rows = await queryRows<{ cluster_id: number; cluster: string; member: number }>(
    db,
    sql`select c.id::int as cluster_id, c.name as cluster, other.agency_id as member
        from cluster_members mine join clusters c on c.id = mine.cluster_id
        join cluster_members other on other.cluster_id = mine.cluster_id and other.agency_id <> mine.agency_id
        where mine.agency_id = ${CURRENT_AGENCY} and mine.leads_in = ${year}
        order by c.id, other.agency_id`,
  );
  const [first] = rows;
  if (!first) return undefined;
  return { id: first.cluster_id, name: first.cluster, members: rows.filter((row) => row.cluster_id === first.cluster_id).map((row) => row.member) };
}
