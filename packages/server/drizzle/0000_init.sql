CREATE TABLE "assessment_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"framework_version" integer NOT NULL,
	"period" text NOT NULL,
	"level" text NOT NULL,
	"at" date NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"error" text,
	"data_revision" integer DEFAULT 0 NOT NULL,
	"record" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "criteria_models" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_models_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "data_elements" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit_of_measure" text,
	"aggregation" text DEFAULT 'mean' NOT NULL,
	"weight_element" text
);
--> statement-breakpoint
CREATE TABLE "data_value_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit" text NOT NULL,
	"element" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"source" text,
	"version" integer NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" text,
	"import_id" integer
);
--> statement-breakpoint
CREATE TABLE "data_values" (
	"unit" text NOT NULL,
	"element" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"source" text,
	"evidence" text,
	"status" text DEFAULT 'approved' NOT NULL,
	"author" text,
	"import_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_values_unit_element_period_pk" PRIMARY KEY("unit","element","period")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"lineage_method" text DEFAULT 'mean' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"filename" text,
	"format" text NOT NULL,
	"dry_run" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lineage_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"date" date NOT NULL,
	"predecessor" text NOT NULL,
	"successor" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"adopted_on" date
);
--> statement-breakpoint
CREATE TABLE "run_results" (
	"run_id" integer NOT NULL,
	"unit" text NOT NULL,
	"node" text NOT NULL,
	"score" double precision,
	"rank" integer,
	"previous_rank" integer,
	CONSTRAINT "run_results_run_id_node_unit_pk" PRIMARY KEY("run_id","node","unit")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" text PRIMARY KEY NOT NULL,
	"plan" text NOT NULL,
	"unit" text NOT NULL,
	"indicator" text NOT NULL,
	"name" text,
	"target_period" text NOT NULL,
	"target_value" double precision NOT NULL,
	"direction" integer DEFAULT 1 NOT NULL,
	"baseline_period" text,
	"baseline_value" double precision
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent" text,
	"name_en" text NOT NULL,
	"name_vi" text,
	"name_ar" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "units_validity" CHECK ("units"."valid_to" is null or "units"."valid_to" >= "units"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_unit_units_code_fk" FOREIGN KEY ("unit") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_element_data_elements_code_fk" FOREIGN KEY ("element") REFERENCES "public"."data_elements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage_events" ADD CONSTRAINT "lineage_events_predecessor_units_code_fk" FOREIGN KEY ("predecessor") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lineage_events" ADD CONSTRAINT "lineage_events_successor_units_code_fk" FOREIGN KEY ("successor") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_units_code_fk" FOREIGN KEY ("unit") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_results" ADD CONSTRAINT "run_results_run_id_assessment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."assessment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_plan_plans_id_fk" FOREIGN KEY ("plan") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_unit_units_code_fk" FOREIGN KEY ("unit") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runs_key_idx" ON "assessment_runs" USING btree ("framework_id","period","level","at");--> statement-breakpoint
CREATE INDEX "data_value_history_cell_idx" ON "data_value_history" USING btree ("unit","element","period");--> statement-breakpoint
CREATE INDEX "data_values_element_period_idx" ON "data_values" USING btree ("element","period");--> statement-breakpoint
CREATE INDEX "lineage_predecessor_idx" ON "lineage_events" USING btree ("predecessor");--> statement-breakpoint
CREATE INDEX "lineage_successor_idx" ON "lineage_events" USING btree ("successor");--> statement-breakpoint
CREATE INDEX "targets_plan_idx" ON "targets" USING btree ("plan");--> statement-breakpoint
CREATE INDEX "targets_unit_idx" ON "targets" USING btree ("unit");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent");--> statement-breakpoint
CREATE INDEX "units_level_idx" ON "units" USING btree ("level");