ALTER TABLE "inspections" ADD COLUMN "window_first_month" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "window_last_month" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "notice_working_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "report_working_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Inspections saved before: their window was whole quarters.
UPDATE "inspections" SET "window_first_month" = ("window_from" - 1) * 3 + 1, "window_last_month" = "window_to" * 3;
