CREATE TABLE `article_search_social` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`seo_title` text DEFAULT '' NOT NULL,
	`meta_description` text DEFAULT '' NOT NULL,
	`social_headline` text DEFAULT '' NOT NULL,
	`social_photo_id` integer,
	`updated_at` integer NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`social_photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `article_wire_items` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`wire_item_id` integer NOT NULL,
	`taken_version` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`wire_item_id`) REFERENCES `wire_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_wire_items_item` ON `article_wire_items` (`wire_item_id`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`content` text,
	`digest_id` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`digest_id`) REFERENCES `mail_outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_digest` ON `mail_outbox` (`digest_id`);--> statement-breakpoint
CREATE TABLE `mail_preferences` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `preview_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`revision_id` integer,
	`token_hash` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	`last_opened_at` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revision_id`) REFERENCES `revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `preview_links_token_hash_unique` ON `preview_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `preview_links_article` ON `preview_links` (`article_id`);--> statement-breakpoint
CREATE INDEX `preview_links_revision` ON `preview_links` (`revision_id`);--> statement-breakpoint
CREATE TABLE `wire_item_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wire_item_id` integer NOT NULL,
	`version` integer NOT NULL,
	`item` text NOT NULL,
	`photos` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`wire_item_id`) REFERENCES `wire_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wire_item_versions_unique` ON `wire_item_versions` (`wire_item_id`,`version`);--> statement-breakpoint
CREATE TABLE `wire_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`source_id` integer,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`headline` text NOT NULL,
	`slugline` text NOT NULL,
	`provider` text NOT NULL,
	`subjects` text NOT NULL,
	`pub_status` text NOT NULL,
	`embargoed_until` integer,
	`search_text` text NOT NULL,
	`first_received_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `wire_sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wire_items_guid_unique` ON `wire_items` (`guid`);--> statement-breakpoint
CREATE INDEX `wire_items_received` ON `wire_items` (`received_at`,`id`);--> statement-breakpoint
CREATE TABLE `wire_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wire_sources_token_unique` ON `wire_sources` (`token_hash`);--> statement-breakpoint
ALTER TABLE `photos` ADD `usage_terms` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written (drizzle-kit does not model FTS5): the Wire's search. An external-content index over
-- each item's newest version's words, kept in step by triggers in the ingest's own transaction; the
-- same tokenizer and prefix indexes as the desk's search (0007), so the wire finds what it does.
CREATE VIRTUAL TABLE `wire_items_fts` USING fts5(
  search_text,
  content='wire_items', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `wire_items_fts_insert` AFTER INSERT ON `wire_items` BEGIN
  INSERT INTO wire_items_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `wire_items_fts_delete` AFTER DELETE ON `wire_items` BEGIN
  INSERT INTO wire_items_fts(wire_items_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `wire_items_fts_update` AFTER UPDATE OF search_text ON `wire_items` BEGIN
  INSERT INTO wire_items_fts(wire_items_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO wire_items_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
