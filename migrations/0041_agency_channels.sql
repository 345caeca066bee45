CREATE TABLE "agency_channels" (
	"agency_id" integer DEFAULT nullif(current_setting('tdkt.agency_id', true), '')::integer NOT NULL,
	"name" text NOT NULL,
	"sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_channels_agency_id_name_pk" PRIMARY KEY("agency_id","name")
);
--> statement-breakpoint
ALTER TABLE "agency_channels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_channels" ADD CONSTRAINT "agency_channels_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "agency_only" ON "agency_channels" AS PERMISSIVE FOR ALL TO public USING (agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer) WITH CHECK (agency_id = nullif(current_setting('tdkt.agency_id', true), '')::integer);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "agency_channels" TO "tdkt_bot";
