CREATE TABLE `live_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`posted_by` integer NOT NULL,
	`posted_at` integer NOT NULL,
	`updated_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`current_revision_id` integer,
	`pinned_at` integer,
	`removed_at` integer,
	`removed_by` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_revision_id`) REFERENCES `live_entry_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `live_entries_article` ON `live_entries` (`article_id`,`posted_at`);--> statement-breakpoint
CREATE TABLE `live_entry_drafts` (
	`article_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`headline` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`author_ids` text DEFAULT '[]' NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `user_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `live_entry_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`number` integer NOT NULL,
	`edited_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`headline` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`author_ids` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `live_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_entry_revisions_number` ON `live_entry_revisions` (`entry_id`,`number`);--> statement-breakpoint
CREATE TABLE `live_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `live_events_article` ON `live_events` (`article_id`,`id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `format` text DEFAULT 'article' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `coverage_started_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `coverage_ended_at` integer;--> statement-breakpoint
ALTER TABLE `articles` ADD `key_points` text DEFAULT '[]' NOT NULL;