import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { env } from '@/server/env';
import { log } from '@/server/log/logger';
import { retryWhenBusy } from './busy-retry';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle is used exactly like the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** See docs/decisions/012-durability-backup-and-operations.md for why each of these. */
export const DATABASE_PRAGMAS = [
  'journal_mode = WAL',
  'foreign_keys = ON',
  // A save is acknowledged only once its WAL frame is on disk: a power cut loses no acknowledged save.
  'synchronous = FULL',
  // Writers queue for up to 5 s instead of failing at once with SQLITE_BUSY.
  'busy_timeout = 5000',
  // After a checkpoint the WAL is cut back to this size instead of staying at its high-water mark.
  'journal_size_limit = 67108864',
] as const;

/** Opens (creating if needed) a SQLite file with the pragmas every connection needs, migrated. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  for (const pragma of DATABASE_PRAGMAS) sqlite.pragma(pragma);
  const db = drizzle(reusingStatements(sqlite), { schema });
  // Raw SQL callers (health, backups, benches) get the plain connection: they may set a statement's
  // modes (`pluck`, `raw`), which must not leak into the statements Drizzle reuses.
  (db as unknown as { $client: Database.Database }).$client = sqlite;
  // Every domain write is one `db.transaction(…)`; re-running it whole on BUSY is what keeps the
  // error from reaching a person (db/busy-retry.ts). Savepoints inside it are not retried alone.
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    retryWhenBusy(
      () => transaction(work, config),
      (attempt, error) => log.warn({ err: error, attempt }, 'sqlite busy: transaction retried'),
    )) as Db['transaction'];
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/**
 * The connection as Drizzle sees it, except that a statement, once compiled, is kept and handed
 * back for the same SQL text. Drizzle asks for `prepare(sql)` on every query it runs, and compiling
 * was about half the cost of a small one-time query (a keyed select: 220 µs with, 110 µs without,
 * on the shared bench machine). A statement's identity is its text: values are bound at each run.
 * Kept in least-recently-used order and bounded, since `inArray` makes one text per list length.
 */
export function reusingStatements(sqlite: Database.Database, kept = 500): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const client = Object.create(sqlite) as Database.Database;
  client.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source);
      // Drizzle reads rows as arrays (`raw()`) when it maps columns, as objects when it does not.
      if (statement.reader) statement.raw(false);
    } else {
      statement = sqlite.prepare(source);
      if (statements.size >= kept) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
  return client;
}

/**
 * A query built and compiled once per connection, then run with new values (`sql.placeholder`).
 * For what runs on every save and every step of the desk: building a query's SQL in Drizzle costs
 * several times what running it costs (a keyed select: 110 µs built and run, 20 µs run prepared).
 * `shape` names a variant with other SQL, such as the filter for what a person may see; each is
 * built on first use. A transaction and its database share the connection, so share the query.
 */
export function preparedQuery<Query, Shape extends string = ''>(build: (db: Db | Tx, shape: Shape) => Query) {
  const built = new WeakMap<object, Map<Shape, Query>>();
  return (db: Db | Tx, shape = '' as Shape): Query => {
    // Drizzle's session: one per connection, the same object for the database and its transactions.
    const connection = (db as unknown as { session: object }).session;
    let queries = built.get(connection);
    if (!queries) built.set(connection, (queries = new Map()));
    let query = queries.get(shape);
    if (query === undefined) queries.set(shape, (query = build(db, shape)));
    return query;
  };
}

/**
 * A value of a prepared query bound as given, with no mapping through its column: a time as epoch
 * milliseconds, JSON as its text. Also what an update's `set()` takes, whose types admit no bare
 * `sql.placeholder`.
 */
export const boundAsIs = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * A table's columns, each named with its table: what a correlated subquery in an `sql` template
 * needs, since Drizzle writes columns bare in a select from one table (an inner table's column of
 * the same name would then answer for the outer one).
 */
export function qualified<Table extends SQLiteTable>(table: Table): Record<keyof Table['_']['columns'], SQL> {
  const tableName = sql.identifier(getTableName(table));
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [key, sql`${tableName}.${sql.identifier(column.name)}`]),
  ) as Record<keyof Table['_']['columns'], SQL>;
}

/** The better-sqlite3 connection under a drizzle handle: for checkpoints, backups and health checks. */
export function sqliteOf(db: Db): Database.Database {
  return (db as unknown as { $client: Database.Database }).$client;
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

/**
 * On the way out: copy the WAL into the database file and cut it to nothing, so the file alone is
 * the whole database (for a copy, a restore, the next start), then close. Does nothing if the
 * database was never opened.
 */
export function checkpointAndClose(): { busy: boolean } | undefined {
  const db = globalForDb.datelineDb;
  if (!db) return undefined;
  globalForDb.datelineDb = undefined;
  const sqlite = sqliteOf(db);
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  sqlite.close();
  return { busy: result?.busy === 1 };
}
