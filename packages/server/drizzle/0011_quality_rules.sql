CREATE TABLE "quality_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset" text NOT NULL,
	"expression" text NOT NULL,
	"severity" text NOT NULL,
	"message_en" text,
	"message_vi" text,
	"message_ar" text,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_rules_severity" CHECK ("quality_rules"."severity" in ('warning', 'blocking'))
);
--> statement-breakpoint
CREATE INDEX "quality_rules_dataset" ON "quality_rules" USING btree ("dataset");