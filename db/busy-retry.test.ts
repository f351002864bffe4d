import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSqliteBusy, retryWhenBusy } from './busy-retry';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-busy-'));
  file = path.join(dir, 'busy.db');
  const setup = new Database(file);
  setup.pragma('journal_mode = WAL');
  setup.exec('CREATE TABLE saves (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  setup.close();
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Another process takes the write lock and keeps it for `ms`; resolves once it holds it. */
function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
  const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ released })));
}

/** A connection that does not wait at all, so every lock it meets is a BUSY. */
function impatientConnection(): Database.Database {
  const db = new Database(file);
  db.pragma('busy_timeout = 0');
  return db;
}

describe('retryWhenBusy', () => {
  it('re-runs a transaction refused with SQLITE_BUSY until the lock is free', async () => {
    const { released } = await holdWriteLock(150);
    const db = impatientConnection();
    const save = db.transaction(() => db.prepare('INSERT INTO saves (text) VALUES (?)').run('kept'));
    const retries: number[] = [];
    retryWhenBusy(() => save.immediate(), (attempt) => retries.push(attempt));
    expect(retries.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT text FROM saves').all()).toEqual([{ text: 'kept' }]);
    db.close();
    await released;
  });

  it('gives up after its last attempt, with the BUSY error', async () => {
    const { released } = await holdWriteLock(1_200);
    const db = impatientConnection();
    const save = db.transaction(() => db.prepare('INSERT INTO saves (text) VALUES (?)').run('never'));
    let attempts = 0;
    let caught: unknown;
    try {
      retryWhenBusy(() => {
        attempts++;
        return save.immediate();
      });
    } catch (error) {
      caught = error;
    }
    expect(isSqliteBusy(caught)).toBe(true);
    expect(attempts).toBe(4);
    db.close();
    await released;
  });

  it('does not retry other errors', () => {
    let attempts = 0;
    expect(() =>
      retryWhenBusy(() => {
        attempts++;
        throw Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
      }),
    ).toThrow('constraint');
    expect(attempts).toBe(1);
  });

  it('finds BUSY in a wrapped cause, as drizzle reports driver errors', () => {
    const driver = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
    expect(isSqliteBusy(new Error('Failed query: insert …', { cause: driver }))).toBe(true);
    expect(isSqliteBusy(new Error('other'))).toBe(false);
  });
});
