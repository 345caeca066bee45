CREATE TABLE "group_chats" (
	"platform" text NOT NULL,
	"chat_id" text NOT NULL,
	"told_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_chats_platform_chat_id_pk" PRIMARY KEY("platform","chat_id")
);
--> statement-breakpoint
CREATE TABLE "server_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
