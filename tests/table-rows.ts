import Database from 'better-sqlite3';

/** Every row of each table in a SQLite file, in storage order, read on a connection of its own. */
export function tableRows(file: string, tables: readonly string[]): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}
