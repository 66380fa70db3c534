CREATE TABLE `duplicate_pairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`first_id` integer NOT NULL,
	`second_id` integer NOT NULL,
	`first_ref` text NOT NULL,
	`second_ref` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`merged_record` text,
	`decided_by` integer,
	`decided_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "duplicate_pairs_status_check" CHECK("duplicate_pairs"."status" in ('open', 'merged', 'distinct')),
	CONSTRAINT "duplicate_pairs_reason_check" CHECK("duplicate_pairs"."reason" in ('same_household', 'similar_id'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_pairs_unique` ON `duplicate_pairs` (`project_id`,`first_id`,`second_id`);--> statement-breakpoint
CREATE INDEX `duplicate_pairs_status_idx` ON `duplicate_pairs` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`header_signature` text NOT NULL,
	`mapping` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_project_name_unique` ON `import_mappings` (`project_id`,`name`);--> statement-breakpoint
CREATE INDEX `import_mappings_signature_idx` ON `import_mappings` (`project_id`,`header_signature`);