-- An Official Account's tokens are one agency's: the key includes the agency (row-level security
-- hides other agencies' rows, and a key across agencies would make one's insert fail on another's).
ALTER TABLE "oa_tokens" DROP CONSTRAINT "oa_tokens_pkey";--> statement-breakpoint
ALTER TABLE "oa_tokens" ADD CONSTRAINT "oa_tokens_agency_id_oa_id_pk" PRIMARY KEY("agency_id","oa_id");
