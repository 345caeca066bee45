CREATE TABLE "ballots" (
	"session_id" bigint NOT NULL,
	"ballot_ref" text NOT NULL,
	"disagree" integer[] NOT NULL,
	CONSTRAINT "ballots_session_id_ballot_ref_pk" PRIMARY KEY("session_id","ballot_ref")
);
--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;