CREATE TABLE `public_site` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `slug_redirects` (
	`from_slug` text PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `articles` ADD `scheduled_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `schedule_failure` text;--> statement-breakpoint
CREATE INDEX `articles_first_published` ON `articles` (`first_published_at`);--> statement-breakpoint
CREATE INDEX `articles_schedule` ON `articles` (`status`,`scheduled_for`);--> statement-breakpoint
CREATE INDEX `revisions_kind_created` ON `revisions` (`kind`,`created_at`);