CREATE TABLE "agency_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "registrations_person_year_idx";--> statement-breakpoint
ALTER TABLE "ratio_caps" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "level" text DEFAULT 'co-so' NOT NULL;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "level" text DEFAULT 'co-so' NOT NULL;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "bases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_person_year_idx" ON "registrations" USING btree ("year","person_id","level") WHERE subject = 'person' and status <> 'withdrawn';