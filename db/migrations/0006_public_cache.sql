CREATE TABLE `cdn_purges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`keys` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cdn_purges_due` ON `cdn_purges` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `public_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`keys` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
