CREATE TABLE "holidays" (
	"day" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"agenda" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by_person_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"notification_key" text NOT NULL,
	"kind" text NOT NULL,
	"chat_account_id" bigint NOT NULL,
	"platform" text NOT NULL,
	"chat_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "pending_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chat_account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"source_name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_task_units" (
	"task_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"role" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_person_id" bigint,
	"done_note" text,
	"removed_at" timestamp with time zone,
	CONSTRAINT "plan_task_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"quarter" integer NOT NULL,
	"number" text NOT NULL,
	"content" text NOT NULL,
	"lead_text" text DEFAULT '' NOT NULL,
	"coordinating_text" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"explicit_deadline" boolean DEFAULT false NOT NULL,
	"removed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"plan_key" text NOT NULL,
	"title" text NOT NULL,
	"source_name" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_aliases" (
	"phrase_key" text PRIMARY KEY NOT NULL,
	"phrase" text NOT NULL,
	"unit_ids" bigint[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_chat_account_id_chat_accounts_id_fk" FOREIGN KEY ("chat_account_id") REFERENCES "public"."chat_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_imports" ADD CONSTRAINT "pending_imports_chat_account_id_chat_accounts_id_fk" FOREIGN KEY ("chat_account_id") REFERENCES "public"."chat_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_done_by_person_id_people_id_fk" FOREIGN KEY ("done_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("not_before","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_chat_sent_idx" ON "outbox" USING btree ("chat_id","sent_at");--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "outbox" USING btree ("status");--> statement-breakpoint
CREATE INDEX "outbox_notification_idx" ON "outbox" USING btree ("notification_key");--> statement-breakpoint
CREATE INDEX "plan_task_units_unit_idx" ON "plan_task_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_plan_quarter_number_idx" ON "plan_tasks" USING btree ("plan_id","quarter","number");--> statement-breakpoint
CREATE INDEX "plan_tasks_due_idx" ON "plan_tasks" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_year_key_idx" ON "plans" USING btree ("year","plan_key");