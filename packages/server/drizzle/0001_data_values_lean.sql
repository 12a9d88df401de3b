ALTER TABLE "data_values" DROP CONSTRAINT "data_values_unit_units_code_fk";
--> statement-breakpoint
ALTER TABLE "data_values" DROP CONSTRAINT "data_values_element_data_elements_code_fk";
--> statement-breakpoint
DROP INDEX "data_values_element_period_idx";