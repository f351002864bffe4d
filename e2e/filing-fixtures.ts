import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * Sections and author profiles for the specs. The admin screens that make and rename them are not
 * built yet, so the rows are written straight into the server's database, as an admin's save
 * would leave them; the stories are then filed through the desk's own save.
 */

export type Named = { id: number; name: string; slug: string };

function withDatabase<T>(act: (db: Database.Database) => T): T {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '', 'dateline.db'));
  try {
    db.pragma('busy_timeout = 5000');
    return act(db);
  } finally {
    db.close();
  }
}

const uniqueSlug = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}`;

/** A new section, last in the order. */
export function newSection(name: string, description = ''): Named {
  const slug = uniqueSlug(name);
  return withDatabase((db) => {
    const { id } = db
      .prepare('INSERT INTO sections (name, slug, position, description, created_at) VALUES (?, ?, 1000, ?, ?) RETURNING id')
      .get(`${name} ${slug.slice(-8)}`, slug, description, Date.now()) as { id: number };
    return { id, name: `${name} ${slug.slice(-8)}`, slug };
  });
}

/** A section renamed as the admin side does it: a new name and address, the old address kept to redirect. */
export function renamedSection(section: Named, name: string): Named {
  const slug = uniqueSlug(name);
  return withDatabase((db) => {
    db.transaction(() => {
      db.prepare('UPDATE sections SET name = ?, slug = ? WHERE id = ?').run(name, slug, section.id);
      db.prepare('INSERT INTO section_redirects (from_slug, section_id, created_at) VALUES (?, ?, ?)').run(section.slug, section.id, Date.now());
    })();
    return { id: section.id, name, slug };
  });
}

/** A contributor's public profile, with no account. */
export function newAuthor(name: string, bio: string): Named {
  const slug = uniqueSlug(name);
  return withDatabase((db) => {
    const { id } = db.prepare('INSERT INTO authors (name, slug, bio, created_at) VALUES (?, ?, ?, ?) RETURNING id').get(name, slug, bio, Date.now()) as { id: number };
    return { id, name, slug };
  });
}
