import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { env } from '@/server/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle is used exactly like the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating if needed) a SQLite file with the pragmas every connection needs, migrated. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Writers queue for up to 5 s instead of failing at once with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  // Safe with WAL: a power cut may lose the last transactions, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

export function databaseFile(): string {
  return path.join(env().dataDir, 'dateline.db');
}

// One connection per process; kept on globalThis so `next dev` reloads do not leak handles.
const globalForDb = globalThis as unknown as { datelineDb?: Db };

/** The process's database, opened and migrated on first use. */
export function getDb(): Db {
  globalForDb.datelineDb ??= openDatabase(databaseFile());
  return globalForDb.datelineDb;
}
