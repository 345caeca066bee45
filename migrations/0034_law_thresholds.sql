-- The national rule sets as installed before: the flags at 90 % where Decree 98/2023 Art. 30(7)
-- says 80 %, and "more than half" stored as 51 %, which asks 102 of 200 instead of 101 (now 50,
-- read as "more than half": domain/ballots.ts MORE_THAN_HALF). Sessions already created keep the
-- thresholds they were voted under.
UPDATE "titles" SET "council_threshold_percent" = 80
  WHERE "code" IN ('CO_BO_TINH', 'CO_CP') AND "council_threshold_percent" = 90
    AND "rule_set_id" IN (SELECT "id" FROM "rule_sets" WHERE "code" LIKE 'LUAT-06-2022+%');
--> statement-breakpoint
UPDATE "titles" SET "council_threshold_percent" = 50
  WHERE "council_threshold_percent" = 51
    AND "rule_set_id" IN (SELECT "id" FROM "rule_sets" WHERE "code" LIKE 'LUAT-06-2022+%');
