import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";

export type Dossier = {
  position: number;
  label: string;
  basis: string | null;
  initiativeTitle: string | null;
  /** The initiative council's word on the cited initiative: its scope, or null if not recognised (yet). */
  initiativeScope: string | null;
  reviewNote: string | null;
};

/**
 * What a council member reads before voting: each candidate with the basis cited, whether the
 * initiative behind it is recognised and at which scope, and the unit meeting's note.
 */
export async function candidateDossiers(db: Database, sessionId: number): Promise<Dossier[]> {
  const rows = await queryRows<{
    position: number;
    label: string;
    basis: string | null;
    initiative_title: string | null;
    scope: string | null;
    note: string | null;
  }>(
    db,
    sql`select c.position, c.label, r.basis, r.initiative_title, i.scope, o.note
        from ballot_candidates c join registrations r on r.id = c.registration_id
        left join initiatives i on i.id = r.initiative_id and i.status = 'recognised'
        left join lateral (select o.note from unit_review_outcomes o join unit_reviews v on v.id = o.review_id
                           where o.registration_id = r.id and v.status = 'sent' limit 1) o on true
        where c.session_id = ${sessionId} order by c.position`,
  );
  return rows.map((row) => ({
    position: row.position,
    label: row.label,
    basis: row.basis,
    initiativeTitle: row.initiative_title,
    initiativeScope: row.scope,
    reviewNote: row.note,
  }));
}
