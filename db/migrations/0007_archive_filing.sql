CREATE TABLE `article_authors` (
	`article_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`article_id`, `author_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_authors_author` ON `article_authors` (`author_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `article_tags` (
	`article_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`article_id`, `tag_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_tags_tag` ON `article_tags` (`tag_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`photo_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_slug_unique` ON `authors` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `authors_user_unique` ON `authors` (`user_id`);--> statement-breakpoint
CREATE TABLE `section_redirects` (
	`from_slug` text PRIMARY KEY NOT NULL,
	`section_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`media_topic` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sections_slug_unique` ON `sections` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `sections_name_unique` ON `sections` (`name`);--> statement-breakpoint
CREATE TABLE `tag_redirects` (
	`from_slug` text PRIMARY KEY NOT NULL,
	`tag_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`media_topic` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_slug_unique` ON `tags` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_unique` ON `tags` (lower("name"));--> statement-breakpoint
-- article_photos was never written to: it is redefined as the derived list of photo uses.
DROP TABLE `article_photos`;--> statement-breakpoint
CREATE TABLE `article_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`photo_id` integer NOT NULL,
	`caption` text,
	`credit` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_photos_article` ON `article_photos` (`article_id`);--> statement-breakpoint
CREATE INDEX `article_photos_photo` ON `article_photos` (`photo_id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `section_id` integer REFERENCES sections(id);--> statement-breakpoint
ALTER TABLE `articles` ADD `uncredited_photos` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `articles_section_published` ON `articles` (`section_id`,`first_published_at`);--> statement-breakpoint
CREATE INDEX `articles_uncredited_photos` ON `articles` (`uncredited_photos`) WHERE "articles"."uncredited_photos" > 0;--> statement-breakpoint
-- Desk search (SQLite FTS5) over each article's working copy: what the desk edits is what it finds.
-- The index keeps its own copy of the text (snippets need it) and is kept in step by triggers in the
-- same transaction as every write, so it is never stale. unicode61 folds case and strips diacritics
-- in every script; the prefix indexes make search-as-you-type cheap.
CREATE VIRTUAL TABLE `article_search` USING fts5(
  headline, standfirst, body, photos, byline, dateline,
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
-- The photos a working copy uses, with the caption and credit the story gives each.
CREATE VIEW `article_photo_uses` AS
  SELECT a.id AS article_id, r.lead_photo_id AS photo_id, r.lead_photo_caption AS caption, r.lead_photo_credit AS credit
    FROM articles a JOIN revisions r ON r.id = a.working_revision_id
    WHERE r.lead_photo_id IS NOT NULL
  UNION ALL
  SELECT a.id, json_extract(r.body, n.path || '.attrs.photoId'), json_extract(r.body, n.path || '.attrs.caption'), json_extract(r.body, n.path || '.attrs.credit')
    FROM articles a JOIN revisions r ON r.id = a.working_revision_id, json_tree(r.body) n
    WHERE n.key = 'type' AND n.atom = 'photo';
--> statement-breakpoint
-- What the index holds of an article: photos are found by their captions and credits, the story's
-- own and the library's.
CREATE VIEW `article_search_source` AS
  SELECT a.id AS article_id, r.headline, r.standfirst, r.body_text AS body,
    coalesce((SELECT group_concat(concat_ws(' ', u.caption, u.credit, p.caption, p.photographer, p.agency), ' ')
      FROM article_photos u JOIN photos p ON p.id = u.photo_id WHERE u.article_id = a.id), '') AS photos,
    r.byline, concat_ws(' ', r.dateline_place, r.dateline_source) AS dateline,
    (SELECT count(*) FROM article_photos u JOIN photos p ON p.id = u.photo_id
      WHERE u.article_id = a.id AND trim(coalesce(u.credit, '')) = '' AND trim(p.agency) = '' AND trim(p.photographer) = '') AS uncredited_photos
  FROM articles a JOIN revisions r ON r.id = a.working_revision_id;
--> statement-breakpoint
-- One place re-derives an article's search row: a row put here is consumed by its own trigger.
CREATE TABLE `article_search_reindex` (`article_id` integer NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `article_search_reindex_run` AFTER INSERT ON `article_search_reindex` BEGIN
  DELETE FROM article_photos WHERE article_id = new.article_id;
  INSERT INTO article_photos (article_id, photo_id, caption, credit)
    SELECT article_id, photo_id, caption, credit FROM article_photo_uses WHERE article_id = new.article_id;
  DELETE FROM article_search WHERE rowid = new.article_id;
  INSERT INTO article_search (rowid, headline, standfirst, body, photos, byline, dateline)
    SELECT article_id, headline, standfirst, body, photos, byline, dateline FROM article_search_source WHERE article_id = new.article_id;
  UPDATE articles SET uncredited_photos = (SELECT uncredited_photos FROM article_search_source WHERE article_id = new.article_id)
    WHERE id = new.article_id;
  DELETE FROM article_search_reindex WHERE rowid = new.rowid;
END;
--> statement-breakpoint
-- A new working revision with new text (a save, a restore). A review step or a publish snapshots
-- the same text as a revision of its own: nothing to re-derive, so nothing is.
CREATE TRIGGER `article_search_on_working_copy` AFTER UPDATE OF working_revision_id ON `articles`
  WHEN new.working_revision_id IS NOT old.working_revision_id
    AND NOT EXISTS (
      SELECT 1 FROM revisions o JOIN revisions n ON n.id = new.working_revision_id
      WHERE o.id = old.working_revision_id
        AND o.headline IS n.headline AND o.standfirst IS n.standfirst AND o.body IS n.body AND o.byline IS n.byline
        AND o.dateline_place IS n.dateline_place AND o.dateline_source IS n.dateline_source
        AND o.lead_photo_id IS n.lead_photo_id AND o.lead_photo_caption IS n.lead_photo_caption AND o.lead_photo_credit IS n.lead_photo_credit
    ) BEGIN
  INSERT INTO article_search_reindex (article_id) VALUES (new.id);
END;
--> statement-breakpoint
-- An autosave folded into the working revision in place.
CREATE TRIGGER `article_search_on_revision_text` AFTER UPDATE OF headline, standfirst, body_text, body, byline, dateline_place, dateline_source, lead_photo_id, lead_photo_caption, lead_photo_credit ON `revisions`
  WHEN new.id = (SELECT working_revision_id FROM articles WHERE id = new.article_id) BEGIN
  INSERT INTO article_search_reindex (article_id) VALUES (new.article_id);
END;
--> statement-breakpoint
-- A library photo's caption or credit changed: every story using it is found by the new words.
CREATE TRIGGER `article_search_on_photo` AFTER UPDATE OF caption, photographer, agency ON `photos` BEGIN
  INSERT INTO article_search_reindex (article_id) SELECT DISTINCT article_id FROM article_photos WHERE photo_id = new.id;
END;
--> statement-breakpoint
INSERT INTO article_search_reindex (article_id) SELECT id FROM articles WHERE working_revision_id IS NOT NULL;
