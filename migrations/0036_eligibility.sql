ALTER TABLE "people" ADD COLUMN "discipline" jsonb;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "collective_criteria" jsonb;--> statement-breakpoint
-- The rule sets installed before carry the collective criteria too (a province's example values, DOMAIN.md).
UPDATE "titles" SET "collective_criteria" = '{"minLdttPercent": 70, "minCstdcs": 0, "source": "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 5 (giá trị ví dụ của một tỉnh)"}'::jsonb
  WHERE "code" = 'TTLDTT' AND "collective_criteria" IS NULL AND "rule_set_id" IN (SELECT "id" FROM "rule_sets" WHERE "code" LIKE 'LUAT-06-2022+%');
--> statement-breakpoint
UPDATE "titles" SET "collective_criteria" = '{"minLdttPercent": 70, "minCstdcs": 1, "source": "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 5 (giá trị ví dụ của một tỉnh)"}'::jsonb
  WHERE "code" = 'TTLDXS' AND "collective_criteria" IS NULL AND "rule_set_id" IN (SELECT "id" FROM "rule_sets" WHERE "code" LIKE 'LUAT-06-2022+%');
