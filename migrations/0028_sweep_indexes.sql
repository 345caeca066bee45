DROP INDEX "outbox_status_idx";--> statement-breakpoint
DROP INDEX "outbox_broadcast_idx";--> statement-breakpoint
CREATE INDEX "people_heads_idx" ON "people" USING btree ("unit_id") WHERE active and 'head' = any(roles);--> statement-breakpoint
CREATE INDEX "outbox_leased_idx" ON "outbox" USING btree ("lease_until") WHERE status in ('claimed', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_broadcast_idx" ON "outbox" USING btree ("broadcast_id","status") WHERE broadcast_id is not null;