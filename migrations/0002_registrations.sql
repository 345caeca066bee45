CREATE TABLE "campaigns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"launched_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"created_by_person_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "commendation_forms" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_set_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"subject" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_states" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratio_caps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_set_id" bigint NOT NULL,
	"title_code" text NOT NULL,
	"of_title_code" text NOT NULL,
	"max_percent" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_person_id" bigint,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"campaign_id" bigint NOT NULL,
	"subject" text NOT NULL,
	"person_id" bigint,
	"unit_id" bigint NOT NULL,
	"title_code" text NOT NULL,
	"form_code" text,
	"initiative_title" text,
	"status" text NOT NULL,
	"return_reason" text,
	"registered_by_person_id" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"source_document" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "title_history" (
	"person_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"title_code" text NOT NULL,
	CONSTRAINT "title_history_person_id_year_title_code_pk" PRIMARY KEY("person_id","year","title_code")
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_set_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"subject" text NOT NULL,
	"awarded_by" text DEFAULT '' NOT NULL,
	"requires_initiative" boolean DEFAULT false NOT NULL,
	"prerequisite" jsonb,
	"registrable" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_forms" ADD CONSTRAINT "commendation_forms_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratio_caps" ADD CONSTRAINT "ratio_caps_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_registered_by_person_id_people_id_fk" FOREIGN KEY ("registered_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_history" ADD CONSTRAINT "title_history_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_forms_rule_set_code_idx" ON "commendation_forms" USING btree ("rule_set_id","code");--> statement-breakpoint
CREATE INDEX "registration_events_registration_idx" ON "registration_events" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_person_year_idx" ON "registrations" USING btree ("year","person_id") WHERE subject = 'person' and status <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_unit_year_idx" ON "registrations" USING btree ("year","unit_id") WHERE subject = 'unit' and status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "registrations_unit_status_idx" ON "registrations" USING btree ("unit_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "titles_rule_set_code_idx" ON "titles" USING btree ("rule_set_id","code");