ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_status_check" CHECK ("broadcasts"."status" in ('draft', 'sending', 'cancelled', 'done'));--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_status_check" CHECK ("inspection_visits"."status" in ('scheduled', 'cancelled', 'done'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_kind_check" CHECK ("inspections"."kind" in ('direct', 'self', 'cross'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('pending', 'claimed', 'sending', 'sent', 'failed', 'unknown', 'cancelled'));--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_notify_via_check" CHECK ("people"."notify_via" in ('telegram', 'zalo', 'both'));--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_status_check" CHECK ("registrations"."status" in ('submitted', 'approved', 'returned', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_subject_check" CHECK ("registrations"."subject" in ('person', 'unit'));