CREATE TABLE "title_awards" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"person_id" bigint,
	"unit_id" bigint,
	"year" integer NOT NULL,
	"title_code" text NOT NULL,
	"decision_number" text DEFAULT '' NOT NULL,
	"decision_date" text,
	"signer" text DEFAULT '' NOT NULL,
	"registration_id" bigint,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_awards_subject_check" CHECK ("title_awards"."subject" in ('person', 'unit')),
	CONSTRAINT "title_awards_source_check" CHECK ("title_awards"."source" in ('decision', 'import'))
);
--> statement-breakpoint
ALTER TABLE "title_awards" ADD CONSTRAINT "title_awards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_awards" ADD CONSTRAINT "title_awards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_awards" ADD CONSTRAINT "title_awards_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "title_awards_person_idx" ON "title_awards" USING btree ("person_id","year","title_code") WHERE subject = 'person';--> statement-breakpoint
CREATE UNIQUE INDEX "title_awards_unit_idx" ON "title_awards" USING btree ("unit_id","year","title_code") WHERE subject = 'unit';--> statement-breakpoint
INSERT INTO "title_awards" ("subject", "person_id", "year", "title_code", "source") SELECT 'person', "person_id", "year", "title_code", 'import' FROM "title_history";
