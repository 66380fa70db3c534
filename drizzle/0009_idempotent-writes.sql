CREATE TABLE `idempotent_writes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`outcome` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotent_writes_user_key_unique` ON `idempotent_writes` (`user_id`,`key`);--> statement-breakpoint
CREATE INDEX `idempotent_writes_created_idx` ON `idempotent_writes` (`created_at`);