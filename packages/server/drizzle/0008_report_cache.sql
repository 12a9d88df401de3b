CREATE TABLE "report_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"content_type" text NOT NULL,
	"filename" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_cache_revision_idx" ON "report_cache" USING btree ("revision");