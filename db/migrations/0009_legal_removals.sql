CREATE TABLE `legal_removals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`text` text NOT NULL,
	`removed_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_removals_article` ON `legal_removals` (`article_id`);--> statement-breakpoint
CREATE TABLE `newsroom_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`changes_credit` text DEFAULT 'role' NOT NULL,
	`desk_name` text DEFAULT 'The news desk' NOT NULL
);
