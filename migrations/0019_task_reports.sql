CREATE TABLE "task_reports" (
	"task_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_base64" text NOT NULL,
	"sent_by_person_id" bigint,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_reports_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "needs_report" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_sent_by_person_id_people_id_fk" FOREIGN KEY ("sent_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;