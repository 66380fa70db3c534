CREATE TABLE `approved_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`period` text NOT NULL,
	`ref` text NOT NULL,
	`household_ref` text,
	`sex` text NOT NULL,
	`birth_year` integer,
	`group_code` text NOT NULL,
	`location_id` integer NOT NULL,
	`household_size` real,
	`service_code` text NOT NULL,
	`received_on` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "approved_services_sex_check" CHECK("approved_services"."sex" in ('female', 'male', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX `approved_services_project_period_idx` ON `approved_services` (`project_id`,`period`);--> statement-breakpoint
CREATE INDEX `approved_services_ref_idx` ON `approved_services` (`ref`);--> statement-breakpoint
CREATE TABLE `approved_trainings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`period` text NOT NULL,
	`training_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`topic` text NOT NULL,
	`location_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`facilitator` text,
	`cohort_id` integer,
	`participants` text NOT NULL,
	`roster` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "approved_trainings_kind_check" CHECK("approved_trainings"."kind" in ('training_of_trainers', 'vocational', 'capacity_building'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approved_trainings_project_period_training_unique` ON `approved_trainings` (`project_id`,`period`,`training_id`);--> statement-breakpoint
ALTER TABLE `project_periods` ADD `submission_comment` text;--> statement-breakpoint
ALTER TABLE `project_periods` ADD `approved_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `project_periods` ADD `approved_at` text;