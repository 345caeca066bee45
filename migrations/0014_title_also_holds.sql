ALTER TABLE "titles" ADD COLUMN "also_holds" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- A CSTĐCS is a LĐTT (Art. 23): rule sets installed before this column know it from here on.
UPDATE "titles" SET "also_holds" = '["LDTT"]'::jsonb WHERE "code" = 'CSTDCS';
