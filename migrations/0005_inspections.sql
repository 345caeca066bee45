CREATE TABLE "inspection_team" (
	"inspection_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "inspection_team_inspection_id_person_id_pk" PRIMARY KEY("inspection_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_units" (
	"inspection_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	CONSTRAINT "inspection_units_inspection_id_unit_id_pk" PRIMARY KEY("inspection_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inspection_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"on_documents_only" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"override_reason" text,
	"report_received_at" timestamp with time zone,
	"report_file_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"window_from" integer NOT NULL,
	"window_to" integer NOT NULL,
	"notice_days" integer DEFAULT 5 NOT NULL,
	"report_days" integer DEFAULT 3 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_team" ADD CONSTRAINT "inspection_team_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_units" ADD CONSTRAINT "inspection_units_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_units" ADD CONSTRAINT "inspection_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_visits_live_idx" ON "inspection_visits" USING btree ("inspection_id","unit_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "inspection_visits_starts_idx" ON "inspection_visits" USING btree ("starts_at");