import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { reusingStatements } from './client';

const notes = sqliteTable('notes', { id: integer('id').primaryKey(), text: text('text').notNull() });

function notesDb(kept?: number) {
  const sqlite = new Database(':memory:');
  sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO notes VALUES (1, 'one'), (2, 'two')");
  const compile = vi.spyOn(sqlite, 'prepare');
  return { db: drizzle(reusingStatements(sqlite, kept)), compile };
}

describe('the connection Drizzle is given', () => {
  it('compiles a query once and binds new values at each run', () => {
    const { db, compile } = notesDb();
    const byId = (id: number) => db.select({ text: notes.text }).from(notes).where(eq(notes.id, id)).get();
    expect([byId(1), byId(2), byId(3)]).toEqual([{ text: 'one' }, { text: 'two' }, undefined]);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('hands a kept statement back in object mode after Drizzle read it as arrays', () => {
    const { db } = notesDb();
    const query = db.select({ text: notes.text }).from(notes).where(eq(notes.id, 1));
    expect(query.get()).toEqual({ text: 'one' });
    // The same text as raw SQL: Drizzle does not map it, so the row must come back as an object.
    const sameText = sql`${sql.raw(query.toSQL().sql.replace(/\?$/, ''))}${1}`;
    expect(db.get(sameText)).toEqual({ text: 'one' });
    expect(db.all(sameText)).toEqual([{ text: 'one' }]);
    expect(query.get()).toEqual({ text: 'one' });
  });

  it('keeps only so many statements, letting the least recently used go first', () => {
    const { db, compile } = notesDb(2);
    const count = (min: number) => db.get(sql.raw(`SELECT count(*) AS n FROM notes WHERE id >= ${min}`));
    count(1);
    count(2);
    count(1);
    count(3); // lets go of `>= 2`, used least recently
    count(1);
    expect(compile).toHaveBeenCalledTimes(3);
    count(2);
    expect(compile).toHaveBeenCalledTimes(4);
  });
});
