CREATE TABLE "agency_mail" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_agency_id" integer DEFAULT nullif(current_setting('tdkt.agency_id', true), '')::integer NOT NULL,
	"to_agency_id" integer NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	CONSTRAINT "agency_mail_kind_check" CHECK ("agency_mail"."kind" in ('proposals', 'decision', 'inspection', 'inspection-report'))
);
--> statement-breakpoint
ALTER TABLE "agency_mail" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "agency_mail_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mail_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_base64" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_mail_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cluster_members" (
	"cluster_id" bigint NOT NULL,
	"agency_id" integer NOT NULL,
	"leads_in" integer,
	CONSTRAINT "cluster_members_cluster_id_agency_id_pk" PRIMARY KEY("cluster_id","agency_id")
);
--> statement-breakpoint
ALTER TABLE "cluster_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clusters_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "clusters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "received_candidates" (
	"agency_id" integer DEFAULT nullif(current_setting('tdkt.agency_id', true), '')::integer NOT NULL,
	"registration_id" bigint PRIMARY KEY NOT NULL,
	"mail_id" bigint NOT NULL,
	"origin_registration_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "received_candidates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_mail" ADD CONSTRAINT "agency_mail_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_mail" ADD CONSTRAINT "agency_mail_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_mail_files" ADD CONSTRAINT "agency_mail_files_mail_id_agency_mail_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."agency_mail"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_candidates" ADD CONSTRAINT "received_candidates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_candidates" ADD CONSTRAINT "received_candidates_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_candidates" ADD CONSTRAINT "received_candidates_mail_id_agency_mail_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."agency_mail"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_mail_from_kind_key_idx" ON "agency_mail" USING btree ("from_agency_id","kind","key");--> statement-breakpoint
CREATE INDEX "agency_mail_inbox_idx" ON "agency_mail" USING btree ("to_agency_id") WHERE received_at is null;--> statement-breakpoint
CREATE INDEX "agency_mail_files_mail_idx" ON "agency_mail_files" USING btree ("mail_id");--> statement-breakpoint
CREATE UNIQUE INDEX "received_candidates_origin_idx" ON "received_candidates" USING btree ("mail_id","origin_registration_id");--> statement-breakpoint
-- Who an agency may write to, read as the tables' owner (an agency's connection sees its own
-- agencies row only): the province it reports to, the agencies that report to it, and the other
-- members of its clusters. The policies of agency_mail lean on it, so nothing can be sent elsewhere.
CREATE FUNCTION tdkt_my_clusters() RETURNS TABLE (cluster_id bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  select m.cluster_id from cluster_members m where m.agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer
$$;
--> statement-breakpoint
CREATE FUNCTION tdkt_related_agencies() RETURNS TABLE (id integer, code text, name text, relation text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  with me as (select nullif(current_setting('tdkt.agency_id', true), '')::integer as id)
  select a.id, a.code, a.name, 'province' from agencies a where a.id = (select parent_id from agencies where id = (select id from me))
  union
  select a.id, a.code, a.name, 'member' from agencies a where a.parent_id = (select id from me)
  union
  select a.id, a.code, a.name, 'cluster' from cluster_members mine
    join cluster_members other on other.cluster_id = mine.cluster_id and other.agency_id <> mine.agency_id
    join agencies a on a.id = other.agency_id
  where mine.agency_id = (select id from me)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tdkt_my_clusters() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tdkt_my_clusters() TO "tdkt_bot";--> statement-breakpoint
REVOKE ALL ON FUNCTION tdkt_related_agencies() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tdkt_related_agencies() TO "tdkt_bot";--> statement-breakpoint
CREATE POLICY "sender_or_addressee" ON "agency_mail" AS PERMISSIVE FOR SELECT TO public USING (from_agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer or to_agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer);--> statement-breakpoint
CREATE POLICY "to_related_agencies" ON "agency_mail" AS PERMISSIVE FOR INSERT TO public WITH CHECK (from_agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer and to_agency_id in (select id from tdkt_related_agencies()));--> statement-breakpoint
CREATE POLICY "addressee_receives" ON "agency_mail" AS PERMISSIVE FOR UPDATE TO public USING (to_agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer) WITH CHECK (to_agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer);--> statement-breakpoint
CREATE POLICY "with_its_mail" ON "agency_mail_files" AS PERMISSIVE FOR SELECT TO public USING (mail_id in (select id from agency_mail));--> statement-breakpoint
CREATE POLICY "with_its_own_mail" ON "agency_mail_files" AS PERMISSIVE FOR INSERT TO public WITH CHECK (mail_id in (select id from agency_mail where from_agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer));--> statement-breakpoint
CREATE POLICY "members_read" ON "cluster_members" AS PERMISSIVE FOR SELECT TO public USING (cluster_id in (select cluster_id from tdkt_my_clusters()));--> statement-breakpoint
CREATE POLICY "members_read" ON "clusters" AS PERMISSIVE FOR SELECT TO public USING (id in (select cluster_id from tdkt_my_clusters()));--> statement-breakpoint
CREATE POLICY "agency_only" ON "received_candidates" AS PERMISSIVE FOR ALL TO public USING (agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer) WITH CHECK (agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer);