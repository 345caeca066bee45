ALTER TABLE "ballot_candidates" ADD COLUMN "paper_agree" integer;--> statement-breakpoint
ALTER TABLE "ballot_candidates" ADD COLUMN "paper_disagree" integer;