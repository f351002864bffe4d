CREATE TABLE `comment_mentions` (
	`comment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `user_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`kind` text NOT NULL,
	`article_id` integer NOT NULL,
	`actor_id` integer,
	`comment_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_recipient` ON `notifications` (`recipient_id`,`id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `claimed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `claimed_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `parent_id` integer REFERENCES comments(id);--> statement-breakpoint
ALTER TABLE `comments` ADD `quote_prefix` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `quote_suffix` text;