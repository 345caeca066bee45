CREATE TABLE "sealed_ballots" (
	"session_id" bigint NOT NULL,
	"ballot_ref" text NOT NULL,
	"sealed" text NOT NULL,
	CONSTRAINT "sealed_ballots_session_id_ballot_ref_pk" PRIMARY KEY("session_id","ballot_ref")
);
--> statement-breakpoint
ALTER TABLE "sealed_ballots" ADD CONSTRAINT "sealed_ballots_session_id_ballot_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."ballot_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Unsent drafts held marks in the clear; they are dropped (a member marks again), and from now on sealed.
DELETE FROM "ballot_drafts";--> statement-breakpoint
ALTER TABLE "ballot_drafts" DROP COLUMN "disagree";