import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../src/db/client.js";

export const PEOPLE = Number(process.env.BENCH_PROVINCE_PEOPLE ?? 2000);

/** Every agency of the province, as the tables' owner writes them: units of 20 with a head each, everyone linked, a 2024 plan. */
export async function seed(database: DatabaseHandle, agencies: number): Promise<void> {
  const units = Math.ceil(PEOPLE / 20);
  await database.asOwner(async (owner) => {
    await owner.execute(sql`insert into agencies (code, name) select 'CQ' || a, 'Cơ quan ' || a from generate_series(2, ${agencies}) a`);
    await owner.execute(sql`insert into units (agency_id, code, name) select g.id, 'U' || i, 'Đơn vị ' || i from agencies g, generate_series(1, ${units}) i`);
    await owner.execute(sql`insert into people (agency_id, staff_code, full_name, position, unit_id, roles)
      select u.agency_id, 'P' || i, 'Cán bộ ' || i, 'Chuyên viên', u.id,
        case when i = 1 then '{head,secretariat}'::text[] when (i - 1) % 20 = 0 then '{head}'::text[] else '{staff}'::text[] end
      from generate_series(1, ${PEOPLE}) i join units u on u.code = 'U' || (1 + (i - 1) / 20)`);
    // Menus published long ago, as in steady state.
    await owner.execute(sql`insert into chat_accounts (agency_id, platform, external_id, chat_id, person_id, menu_roles)
      select agency_id, 'telegram', id::text, id::text, id, array_to_string(roles, ';') from people`);
    await owner.execute(
      sql`insert into plans (agency_id, year, plan_key, title, source_name, imported_at) select id, 2024, 'bench', 'Bench', 'bench', now() from agencies`,
    );
    await owner.execute(sql`insert into plan_tasks (agency_id, plan_id, quarter, number, content, due_at)
      select pl.agency_id, pl.id, extract(quarter from d)::int, i::text, 'Nhiệm vụ số ' || i, d + interval '23 hours 59 minutes' - interval '7 hours'
      from plans pl, (select i, date '2024-01-02' + ((i * 7) % 360) as d from generate_series(1, ${Math.ceil(PEOPLE / 5)}) i) s`);
    await owner.execute(sql`insert into plan_task_units (agency_id, task_id, unit_id, role)
      select t.agency_id, t.id, u.id, 'lead' from plan_tasks t join units u on u.agency_id = t.agency_id and u.code = 'U' || (1 + t.number::int % ${units})`);
    await owner.execute(sql`analyze`);
  });
}
