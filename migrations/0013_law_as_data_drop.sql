ALTER TABLE "titles" DROP COLUMN "requires_initiative";--> statement-breakpoint
-- The titles of the 2022 law by their legal codes (CSTĐ bộ, ban, ngành, tỉnh; Cờ thi đua of a
-- ministry or province), the Labour Order by its class.
UPDATE "registrations" SET "title_code" = 'CSTD_BO_TINH' WHERE "title_code" = 'CSTD_TINH';--> statement-breakpoint
UPDATE "registrations" SET "title_code" = 'CO_BO_TINH' WHERE "title_code" = 'CO_TINH';--> statement-breakpoint
UPDATE "registrations" SET "form_code" = 'HCLD_3' WHERE "form_code" = 'HUAN_CHUONG';--> statement-breakpoint
UPDATE "registrations" SET "level" = 'bo-tinh' WHERE "title_code" = 'CSTD_BO_TINH';--> statement-breakpoint
UPDATE "registrations" SET "level" = 'toan-quoc' WHERE "title_code" = 'CSTD_TQ';--> statement-breakpoint
UPDATE "registrations" SET "basis" = CASE WHEN "initiative_title" IS NULL THEN 'excellent' ELSE 'initiative' END WHERE "title_code" = 'CSTDCS';--> statement-breakpoint
UPDATE "title_history" SET "title_code" = 'CSTD_BO_TINH' WHERE "title_code" = 'CSTD_TINH';--> statement-breakpoint
UPDATE "title_history" SET "title_code" = 'CO_BO_TINH' WHERE "title_code" = 'CO_TINH';--> statement-breakpoint
-- The one rule set seeded so far named Decree 152 from 01/01/2024 and carried the 15 % cap that
-- ended that day: it goes, and the national rule sets (Decree 98/2023, then 152/2025) are
-- installed from the code on first use.
DELETE FROM "ratio_caps";--> statement-breakpoint
DELETE FROM "commendation_forms";--> statement-breakpoint
DELETE FROM "titles";--> statement-breakpoint
DELETE FROM "rule_sets";
