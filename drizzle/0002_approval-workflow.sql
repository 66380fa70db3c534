CREATE TABLE `approved_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`location_id` integer NOT NULL,
	`disaggregation` text DEFAULT '' NOT NULL,
	`value` real,
	`numerator` real,
	`denominator` real,
	`approved_by` integer,
	`approved_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "approved_values_shape_check" CHECK(("approved_values"."value" is not null and "approved_values"."numerator" is null and "approved_values"."denominator" is null) or ("approved_values"."value" is null and "approved_values"."numerator" is not null and "approved_values"."denominator" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approved_values_cell_unique` ON `approved_values` (`indicator_id`,`period`,`location_id`,`disaggregation`);--> statement-breakpoint
CREATE INDEX `approved_values_project_period_idx` ON `approved_values` (`project_id`,`period`);--> statement-breakpoint
CREATE TABLE `project_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`submitted_by` integer,
	`submitted_at` text,
	`reviewed_by` integer,
	`reviewed_at` text,
	`comment` text,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_periods_status_check" CHECK("project_periods"."status" in ('draft', 'submitted', 'approved', 'returned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_periods_project_period_unique` ON `project_periods` (`project_id`,`period`);