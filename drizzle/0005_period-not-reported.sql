PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_project_periods` (
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
	CONSTRAINT "project_periods_status_check" CHECK("__new_project_periods"."status" in ('draft', 'submitted', 'approved', 'returned', 'not_reported'))
);
--> statement-breakpoint
INSERT INTO `__new_project_periods`("id", "project_id", "period", "status", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "comment", "updated_at", "version") SELECT "id", "project_id", "period", "status", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "comment", "updated_at", "version" FROM `project_periods`;--> statement-breakpoint
DROP TABLE `project_periods`;--> statement-breakpoint
ALTER TABLE `__new_project_periods` RENAME TO `project_periods`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `project_periods_project_period_unique` ON `project_periods` (`project_id`,`period`);