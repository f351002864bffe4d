-- Full-text search over the library's caption, photographer and agency (SQLite FTS5).
-- An external-content index: the text lives once, in `photos`; triggers keep the index in step.
-- unicode61 folds case and strips diacritics in every script, so "muller" finds "Müller".
CREATE VIRTUAL TABLE `photos_fts` USING fts5(
  caption, photographer, agency,
  content='photos', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `photos_fts_insert` AFTER INSERT ON `photos` BEGIN
  INSERT INTO photos_fts(rowid, caption, photographer, agency) VALUES (new.id, new.caption, new.photographer, new.agency);
END;
--> statement-breakpoint
CREATE TRIGGER `photos_fts_delete` AFTER DELETE ON `photos` BEGIN
  INSERT INTO photos_fts(photos_fts, rowid, caption, photographer, agency) VALUES ('delete', old.id, old.caption, old.photographer, old.agency);
END;
--> statement-breakpoint
CREATE TRIGGER `photos_fts_update` AFTER UPDATE OF caption, photographer, agency ON `photos` BEGIN
  INSERT INTO photos_fts(photos_fts, rowid, caption, photographer, agency) VALUES ('delete', old.id, old.caption, old.photographer, old.agency);
  INSERT INTO photos_fts(rowid, caption, photographer, agency) VALUES (new.id, new.caption, new.photographer, new.agency);
END;
--> statement-breakpoint
INSERT INTO photos_fts(photos_fts) VALUES ('rebuild');
