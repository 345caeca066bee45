ALTER TABLE "titles" ADD COLUMN "agency_decides" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- What a provincial department's head awards himself (Decree 152/2025 Art. 6(2)(c)); the rest is proposed upward.
UPDATE "titles" SET "agency_decides" = true
  WHERE "code" IN ('LDTT', 'CSTDCS', 'TTLDTT') AND "rule_set_id" IN (SELECT "id" FROM "rule_sets" WHERE "code" LIKE 'LUAT-06-2022+%');
