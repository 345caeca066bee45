ALTER TABLE "inspections" DROP COLUMN "window_from";--> statement-breakpoint
ALTER TABLE "inspections" DROP COLUMN "window_to";