ALTER TABLE "agencies" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every agency's figures of a year, side by side (services/province/rollup.ts). It runs with the
-- rights of whoever calls it: an agency's connection sees its own row, the owner every agency's.
CREATE FUNCTION tdkt_agency_figures(p_year integer, p_now timestamptz)
RETURNS TABLE (agency_id integer, code text, name text, people integer, registered integer, approved integer, proposed_up integer, awarded integer, late_duties integer)
LANGUAGE sql STABLE AS $$
  select a.id, a.code, a.name,
    (select count(*) from people p where p.agency_id = a.id and p.active)::int,
    (select count(*) from registrations r where r.agency_id = a.id and r.year = p_year and r.status <> 'withdrawn')::int,
    (select count(*) from registrations r where r.agency_id = a.id and r.year = p_year and r.status = 'approved')::int,
    (select count(distinct e.registration_id) from registration_events e join registrations r on r.id = e.registration_id
       where r.agency_id = a.id and r.year = p_year and e.action = 'proposed-up')::int,
    (select count(*) from title_awards t where t.agency_id = a.id and t.year = p_year)::int,
    (select count(*) from plan_task_units u join plan_tasks k on k.id = u.task_id join plans pl on pl.id = k.plan_id
       where u.agency_id = a.id and pl.year = p_year and u.done_at is null and u.removed_at is null
         and k.removed_at is null and k.due_at < p_now)::int
  from agencies a
  order by a.code
$$;
--> statement-breakpoint
-- The figures of the agencies under the calling connection's agency (the province's officer): the
-- one way an agency's connection reads beyond its own rows, and only these counts.
CREATE FUNCTION tdkt_member_figures(p_year integer, p_now timestamptz)
RETURNS TABLE (agency_id integer, code text, name text, people integer, registered integer, approved integer, proposed_up integer, awarded integer, late_duties integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  select f.* from tdkt_agency_figures(p_year, p_now) f join agencies a on a.id = f.agency_id
  where a.parent_id = nullif(current_setting('tdkt.agency_id', true), '')::integer
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tdkt_member_figures(integer, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tdkt_member_figures(integer, timestamptz) TO "tdkt_bot";
