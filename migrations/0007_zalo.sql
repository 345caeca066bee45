CREATE TABLE "downloads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_base64" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_choices" (
	"platform" text NOT NULL,
	"chat_id" text NOT NULL,
	"choices" jsonb NOT NULL,
	"message_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pending_choices_platform_chat_id_pk" PRIMARY KEY("platform","chat_id")
);
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "progress_platform" text DEFAULT 'telegram' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "notify_via" text DEFAULT 'both' NOT NULL;--> statement-breakpoint
CREATE INDEX "downloads_expires_idx" ON "downloads" USING btree ("expires_at");