CREATE TABLE "initiatives" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"file_name" text,
	"file_base64" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"scope" text,
	"score" integer,
	"reason" text,
	"reviewed_by_person_id" bigint,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('submitted', 'recognised', 'returned')),
	CONSTRAINT "initiatives_scope_check" CHECK ("initiatives"."scope" in ('co-so', 'bo-tinh', 'toan-quoc'))
);
--> statement-breakpoint
CREATE TABLE "unit_review_outcomes" (
	"review_id" bigint NOT NULL,
	"registration_id" bigint NOT NULL,
	"proposed" boolean NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_review_outcomes_review_id_registration_id_pk" PRIMARY KEY("review_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "unit_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by_person_id" bigint,
	"ballot_session_id" bigint,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_reviews_status_check" CHECK ("unit_reviews"."status" in ('open', 'sent'))
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "initiative_id" bigint;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD COLUMN "council_quorum_percent" integer;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "council_threshold_percent" integer DEFAULT 51 NOT NULL;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD COLUMN "meeting_id" bigint;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD COLUMN "title_code" text;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD COLUMN "unit_id" bigint;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD COLUMN "quorum_percent" integer;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_reviewed_by_person_id_people_id_fk" FOREIGN KEY ("reviewed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_review_outcomes" ADD CONSTRAINT "unit_review_outcomes_review_id_unit_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."unit_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_review_outcomes" ADD CONSTRAINT "unit_review_outcomes_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reviews" ADD CONSTRAINT "unit_reviews_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reviews" ADD CONSTRAINT "unit_reviews_opened_by_person_id_people_id_fk" FOREIGN KEY ("opened_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reviews" ADD CONSTRAINT "unit_reviews_ballot_session_id_ballot_sessions_id_fk" FOREIGN KEY ("ballot_session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiatives_person_idx" ON "initiatives" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("status");--> statement-breakpoint
CREATE INDEX "unit_review_outcomes_registration_idx" ON "unit_review_outcomes" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_reviews_unit_year_idx" ON "unit_reviews" USING btree ("unit_id","year");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD CONSTRAINT "ballot_sessions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD CONSTRAINT "ballot_sessions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The rule sets installed before thresholds were data: Decree 98/2023 Art. 30(7) as quoted — CSTĐCS 80 %, CSTĐ bộ/tỉnh and toàn quốc 90 %; 90 % for other titles above the agency, more than half otherwise.
UPDATE "titles" SET "council_threshold_percent" = CASE WHEN "code" = 'CSTDCS' THEN 80 WHEN "code" LIKE 'CSTD\_%' OR "level" <> 'co-so' THEN 90 ELSE 51 END;
