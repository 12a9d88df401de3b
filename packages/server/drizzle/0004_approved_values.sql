ALTER TABLE "data_values" ADD COLUMN "approved_value" double precision;--> statement-breakpoint
ALTER TABLE "data_values" ADD COLUMN "approved_version" integer;
--> statement-breakpoint
UPDATE "data_values" SET "approved_value" = "value", "approved_version" = "version" WHERE "status" = 'approved';
