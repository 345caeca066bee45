CREATE TABLE "privacy_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "privacy_requests_kind_check" CHECK ("privacy_requests"."kind" in ('correction', 'deletion'))
);
--> statement-breakpoint
ALTER TABLE "chat_accounts" ADD COLUMN "awaiting_upload" text;--> statement-breakpoint
ALTER TABLE "chat_accounts" ADD COLUMN "awaiting_upload_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "offered_to_account_id" bigint;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_requests_open_idx" ON "privacy_requests" USING btree ("handled_at");--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_offered_to_account_id_chat_accounts_id_fk" FOREIGN KEY ("offered_to_account_id") REFERENCES "public"."chat_accounts"("id") ON DELETE no action ON UPDATE no action;