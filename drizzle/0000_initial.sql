CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`project_id` integer,
	`details` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_project_idx` ON `audit_log` (`project_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `beneficiaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`ref` text NOT NULL,
	`household_ref` text,
	`sex` text NOT NULL,
	`birth_year` integer,
	`group_code` text NOT NULL,
	`location_id` integer NOT NULL,
	`household_size` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "beneficiaries_sex_check" CHECK("beneficiaries"."sex" in ('female', 'male', 'unknown')),
	CONSTRAINT "beneficiaries_household_size_check" CHECK("beneficiaries"."household_size" is null or "beneficiaries"."household_size" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beneficiaries_project_ref_unique` ON `beneficiaries` (`project_id`,`ref`);--> statement-breakpoint
CREATE INDEX `beneficiaries_ref_idx` ON `beneficiaries` (`ref`);--> statement-breakpoint
CREATE TABLE `beneficiary_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`beneficiary_id` integer NOT NULL,
	`service_type_id` integer NOT NULL,
	`received_on` text NOT NULL,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_type_id`) REFERENCES `service_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beneficiary_services_unique` ON `beneficiary_services` (`beneficiary_id`,`service_type_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `beneficiary_services_type_idx` ON `beneficiary_services` (`service_type_id`);--> statement-breakpoint
CREATE TABLE `service_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_types_code_unique` ON `service_types` (`code`);--> statement-breakpoint
CREATE TABLE `data_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`location_id` integer NOT NULL,
	`disaggregation` text DEFAULT '' NOT NULL,
	`value` real,
	`numerator` real,
	`denominator` real,
	`status` text DEFAULT 'draft' NOT NULL,
	`comment` text,
	`entered_by` integer NOT NULL,
	`entered_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "data_values_status_check" CHECK("data_values"."status" in ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "data_values_shape_check" CHECK(("data_values"."value" is not null and "data_values"."numerator" is null and "data_values"."denominator" is null) or ("data_values"."value" is null and "data_values"."numerator" is not null and "data_values"."denominator" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_values_cell_unique` ON `data_values` (`indicator_id`,`period`,`location_id`,`disaggregation`);--> statement-breakpoint
CREATE INDEX `data_values_period_idx` ON `data_values` (`period`,`status`);--> statement-breakpoint
CREATE TABLE `narratives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`period` text NOT NULL,
	`language` text NOT NULL,
	`highlights` text,
	`challenges` text,
	`next_steps` text,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "narratives_language_check" CHECK("narratives"."language" in ('en', 'fr'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `narratives_project_period_language_unique` ON `narratives` (`project_id`,`period`,`language`);--> statement-breakpoint
CREATE TABLE `dimension_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dimension_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text NOT NULL,
	`min_age` integer,
	`max_age` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`dimension_id`) REFERENCES `dimensions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dimension_options_code_unique` ON `dimension_options` (`dimension_id`,`code`);--> statement-breakpoint
CREATE INDEX `dimension_options_dimension_idx` ON `dimension_options` (`dimension_id`);--> statement-breakpoint
CREATE TABLE `dimensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dimensions_code_unique` ON `dimensions` (`code`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text,
	`level` text NOT NULL,
	`parent_id` integer,
	`country_code` text NOT NULL,
	`latitude` real,
	`longitude` real,
	FOREIGN KEY (`parent_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "locations_level_check" CHECK("locations"."level" in ('country', 'province', 'district', 'territory', 'sector', 'site'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_code_unique` ON `locations` (`code`);--> statement-breakpoint
CREATE INDEX `locations_parent_idx` ON `locations` (`parent_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text,
	`acronym` text,
	`type` text NOT NULL,
	`iati_ref` text,
	`created_at` text NOT NULL,
	CONSTRAINT "organisations_type_check" CHECK("organisations"."type" in ('implementer', 'donor', 'government', 'partner'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_code_unique` ON `organisations` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_iati_ref_unique` ON `organisations` (`iati_ref`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title_en` text NOT NULL,
	`title_fr` text,
	`summary_en` text,
	`summary_fr` text,
	`country_id` integer,
	`start_date` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`country_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_code_unique` ON `programmes` (`code`);--> statement-breakpoint
CREATE TABLE `project_budgets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`year` integer NOT NULL,
	`amount` real NOT NULL,
	`currency` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_budgets_amount_check" CHECK("project_budgets"."amount" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_budgets_project_year_unique` ON `project_budgets` (`project_id`,`year`);--> statement-breakpoint
CREATE TABLE `project_locations` (
	`project_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `location_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_organisations` (
	`project_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`project_id`, `organisation_id`, `role`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_organisations_role_check" CHECK("project_organisations"."role" in ('funding', 'implementing', 'partner', 'accountable'))
);
--> statement-breakpoint
CREATE INDEX `project_organisations_organisation_idx` ON `project_organisations` (`organisation_id`,`role`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`programme_id` integer,
	`phase` integer,
	`title_en` text NOT NULL,
	`title_fr` text,
	`summary_en` text,
	`summary_fr` text,
	`status` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`country_id` integer NOT NULL,
	`reporting_frequency` text NOT NULL,
	`household_size` real,
	`household_size_source` text,
	`currency` text DEFAULT 'USD' NOT NULL,
	`data_note_en` text,
	`data_note_fr` text,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`country_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "projects_status_check" CHECK("projects"."status" in ('pipeline', 'active', 'completed')),
	CONSTRAINT "projects_frequency_check" CHECK("projects"."reporting_frequency" in ('monthly', 'quarterly', 'yearly')),
	CONSTRAINT "projects_dates_check" CHECK("projects"."start_date" <= "projects"."end_date"),
	CONSTRAINT "projects_household_size_check" CHECK("projects"."household_size" is null or "projects"."household_size" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_code_unique` ON `projects` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_programme_phase_unique` ON `projects` (`programme_id`,`phase`);--> statement-breakpoint
CREATE INDEX `projects_programme_idx` ON `projects` (`programme_id`);--> statement-breakpoint
CREATE TABLE `indicator_dimensions` (
	`indicator_id` integer NOT NULL,
	`dimension_id` integer NOT NULL,
	PRIMARY KEY(`indicator_id`, `dimension_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dimension_id`) REFERENCES `dimensions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicator_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`field` text NOT NULL,
	`period` text,
	`previous_value` real,
	`new_value` real,
	`reason` text NOT NULL,
	`changed_by` integer NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_revisions_indicator_idx` ON `indicator_revisions` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `indicator_targets` (
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`indicator_id`, `period`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`result_id` integer,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text,
	`definition_en` text,
	`definition_fr` text,
	`unit_en` text,
	`unit_fr` text,
	`measure` text NOT NULL,
	`direction` text DEFAULT 'increase' NOT NULL,
	`time_aggregation` text NOT NULL,
	`is_context` integer DEFAULT false NOT NULL,
	`baseline_value` real,
	`baseline_year` integer,
	`target` real,
	`source` text DEFAULT 'manual' NOT NULL,
	`source_service_code` text,
	`source_training_kind` text,
	`source_training_topic` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_measure_check" CHECK("indicators"."measure" in ('number', 'percentage', 'mean_of_ratios')),
	CONSTRAINT "indicators_direction_check" CHECK("indicators"."direction" in ('increase', 'decrease')),
	CONSTRAINT "indicators_time_aggregation_check" CHECK("indicators"."time_aggregation" in ('incremental', 'cumulative')),
	CONSTRAINT "indicators_source_check" CHECK("indicators"."source" in ('manual', 'trainings', 'registry')),
	CONSTRAINT "indicators_training_kind_check" CHECK("indicators"."source_training_kind" is null or "indicators"."source_training_kind" in ('training_of_trainers', 'vocational', 'capacity_building')),
	CONSTRAINT "indicators_source_config_check" CHECK(("indicators"."source" = 'trainings') = ("indicators"."source_training_kind" is not null) and ("indicators"."source" = 'registry' or "indicators"."source_service_code" is null)),
	CONSTRAINT "indicators_context_result_check" CHECK("indicators"."is_context" = 1 or "indicators"."result_id" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_project_code_unique` ON `indicators` (`project_id`,`code`);--> statement-breakpoint
CREATE INDEX `indicators_result_idx` ON `indicators` (`result_id`);--> statement-breakpoint
CREATE TABLE `results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`parent_id` integer,
	`type` text NOT NULL,
	`code` text NOT NULL,
	`title_en` text NOT NULL,
	`title_fr` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "results_type_check" CHECK("results"."type" in ('impact', 'outcome', 'output'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `results_project_code_unique` ON `results` (`project_id`,`code`);--> statement-breakpoint
CREATE TABLE `training_participants` (
	`training_id` integer NOT NULL,
	`sex` text NOT NULL,
	`age_group` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`training_id`, `sex`, `age_group`),
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "training_participants_sex_check" CHECK("training_participants"."sex" in ('female', 'male', 'unknown')),
	CONSTRAINT "training_participants_count_check" CHECK("training_participants"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE `training_roster` (
	`training_id` integer NOT NULL,
	`beneficiary_id` integer NOT NULL,
	PRIMARY KEY(`training_id`, `beneficiary_id`),
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`beneficiary_id`) REFERENCES `beneficiaries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_roster_beneficiary_idx` ON `training_roster` (`beneficiary_id`,`training_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`topic` text NOT NULL,
	`location_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`facilitator` text,
	`cohort_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cohort_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "trainings_kind_check" CHECK("trainings"."kind" in ('training_of_trainers', 'vocational', 'capacity_building')),
	CONSTRAINT "trainings_dates_check" CHECK("trainings"."start_date" <= "trainings"."end_date"),
	CONSTRAINT "trainings_cohort_check" CHECK("trainings"."cohort_id" is null or "trainings"."kind" <> 'training_of_trainers')
);
--> statement-breakpoint
CREATE INDEX `trainings_project_idx` ON `trainings` (`project_id`);--> statement-breakpoint
CREATE INDEX `trainings_cohort_idx` ON `trainings` (`cohort_id`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`expires_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `project_members` (
	`user_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `project_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_members_project_idx` ON `project_members` (`project_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`language` text,
	`session_version` integer DEFAULT 1 NOT NULL,
	`disabled_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin', 'manager', 'staff', 'donor')),
	CONSTRAINT "users_language_check" CHECK("users"."language" is null or "users"."language" in ('en', 'fr'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);