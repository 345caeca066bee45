-- A province's agencies share the tables, and every query carries its agency: an index a query
-- reads by a range or a key that other agencies' rows share (due, pending, leased, the heads, a
-- notification's key) leads with the agency, or each agency's query walks every other agency's rows
-- (the province bench: each agency's sweep and claims read all sixty agencies' rows). And the mail
-- between agencies carries report requests, reports and cluster events too.
ALTER TABLE "agency_mail" DROP CONSTRAINT "agency_mail_kind_check";--> statement-breakpoint
DROP INDEX "unreached_people_untold_idx";--> statement-breakpoint
DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "people_heads_idx";--> statement-breakpoint
DROP INDEX "privacy_requests_open_idx";--> statement-breakpoint
DROP INDEX "inspection_visits_starts_idx";--> statement-breakpoint
DROP INDEX "outbox_pending_idx";--> statement-breakpoint
DROP INDEX "outbox_leased_idx";--> statement-breakpoint
DROP INDEX "outbox_notification_idx";--> statement-breakpoint
DROP INDEX "plan_tasks_due_idx";--> statement-breakpoint
DROP INDEX "initiatives_status_idx";--> statement-breakpoint
CREATE INDEX "unreached_people_untold_idx" ON "unreached_people" USING btree ("agency_id","told_at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("agency_id","at");--> statement-breakpoint
CREATE INDEX "people_heads_idx" ON "people" USING btree ("agency_id","unit_id") WHERE active and 'head' = any(roles);--> statement-breakpoint
CREATE INDEX "privacy_requests_open_idx" ON "privacy_requests" USING btree ("agency_id","handled_at");--> statement-breakpoint
CREATE INDEX "inspection_visits_starts_idx" ON "inspection_visits" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("agency_id","not_before","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_leased_idx" ON "outbox" USING btree ("agency_id","lease_until") WHERE status in ('claimed', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_notification_idx" ON "outbox" USING btree ("agency_id","notification_key");--> statement-breakpoint
CREATE INDEX "plan_tasks_due_idx" ON "plan_tasks" USING btree ("agency_id","due_at");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("agency_id","status");--> statement-breakpoint
ALTER TABLE "agency_mail" ADD CONSTRAINT "agency_mail_kind_check" CHECK ("agency_mail"."kind" in ('proposals', 'decision', 'inspection', 'inspection-report', 'report-request', 'upward-report', 'cluster-event'));