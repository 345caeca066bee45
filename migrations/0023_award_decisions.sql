CREATE TABLE "award_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" bigint NOT NULL,
	"number" text NOT NULL,
	"decided_on" text NOT NULL,
	"signer" text NOT NULL,
	"recorded_by_person_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_decisions_session_id_unique" UNIQUE("session_id")
);
--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;