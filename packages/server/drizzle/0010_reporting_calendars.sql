CREATE TABLE "reporting_calendars" (
	"dataset_kind" text NOT NULL,
	"dataset" text NOT NULL,
	"period" text NOT NULL,
	"opens_on" date NOT NULL,
	"due_on" date NOT NULL,
	"late_until" date NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_calendars_dataset_kind_dataset_period_pk" PRIMARY KEY("dataset_kind","dataset","period"),
	CONSTRAINT "reporting_calendars_kind" CHECK ("reporting_calendars"."dataset_kind" in ('framework', 'criteria')),
	CONSTRAINT "reporting_calendars_dates" CHECK ("reporting_calendars"."opens_on" <= "reporting_calendars"."due_on" and "reporting_calendars"."due_on" <= "reporting_calendars"."late_until")
);
