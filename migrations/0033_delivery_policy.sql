CREATE TABLE "channel_months" (
	"channel" text NOT NULL,
	"month" text NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"allowance_used" integer DEFAULT 0 NOT NULL,
	"paid" integer DEFAULT 0 NOT NULL,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	"warned_at" timestamp with time zone,
	"stop_told_at" timestamp with time zone,
	CONSTRAINT "channel_months_channel_month_pk" PRIMARY KEY("channel","month")
);
--> statement-breakpoint
CREATE TABLE "unreached_people" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"month" text NOT NULL,
	"rerouted" text,
	"told_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oa_tokens" (
	"oa_id" text PRIMARY KEY NOT NULL,
	"access_token" text NOT NULL,
	"refresh_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone,
	"refreshes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_accounts" ADD COLUMN "last_inbound_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_accounts" ADD COLUMN "window_sends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "unreached_people" ADD CONSTRAINT "unreached_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unreached_people_once_idx" ON "unreached_people" USING btree ("person_id","channel","reason","month");--> statement-breakpoint
CREATE INDEX "unreached_people_untold_idx" ON "unreached_people" USING btree ("told_at");