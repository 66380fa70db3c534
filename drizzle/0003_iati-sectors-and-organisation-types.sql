CREATE TABLE `project_sectors` (
	`project_id` integer NOT NULL,
	`code` text NOT NULL,
	`percentage` real NOT NULL,
	PRIMARY KEY(`project_id`, `code`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_sectors_code_check" CHECK("project_sectors"."code" glob '[0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "project_sectors_percentage_check" CHECK("project_sectors"."percentage" > 0 and "project_sectors"."percentage" <= 100)
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `iati_type` text;