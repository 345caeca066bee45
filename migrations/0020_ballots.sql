CREATE TABLE "ballot_candidates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" bigint NOT NULL,
	"registration_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"threshold_percent" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_drafts" (
	"session_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"disagree" integer[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ballot_drafts_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "ballot_marks" (
	"session_id" bigint NOT NULL,
	"ballot_ref" text NOT NULL,
	"candidate_id" bigint NOT NULL,
	"choice" text NOT NULL,
	CONSTRAINT "ballot_marks_session_id_ballot_ref_candidate_id_pk" PRIMARY KEY("session_id","ballot_ref","candidate_id"),
	CONSTRAINT "ballot_marks_choice_check" CHECK ("ballot_marks"."choice" in ('agree', 'disagree'))
);
--> statement-breakpoint
CREATE TABLE "ballot_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"members_total" integer,
	"ballot_key" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_person_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballot_sessions_status_check" CHECK ("ballot_sessions"."status" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "ballot_voters" (
	"session_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"how" text DEFAULT 'chat' NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ballot_voters_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "ballot_candidates" ADD CONSTRAINT "ballot_candidates_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_candidates" ADD CONSTRAINT "ballot_candidates_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_drafts" ADD CONSTRAINT "ballot_drafts_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_drafts" ADD CONSTRAINT "ballot_drafts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_marks" ADD CONSTRAINT "ballot_marks_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_marks" ADD CONSTRAINT "ballot_marks_candidate_id_ballot_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."ballot_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_sessions" ADD CONSTRAINT "ballot_sessions_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_voters" ADD CONSTRAINT "ballot_voters_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_voters" ADD CONSTRAINT "ballot_voters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_candidates_session_idx" ON "ballot_candidates" USING btree ("session_id");