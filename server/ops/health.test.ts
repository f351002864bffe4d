import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb, sqliteOf } from '@/db/client';
import { startScheduler, stopScheduler } from '@/server/scheduler';
import { checkHealth } from './health';

afterAll(() => stopScheduler());

describe('checkHealth', () => {
  it('is unhealthy until the scheduler has run', () => {
    const report = checkHealth();
    expect(report.status).toBe('unhealthy');
    expect(report.checks.scheduler).toEqual({ ok: false, detail: 'has not run' });
    expect(report.checks.database.ok).toBe(true);
  });

  it('is ok on a migrated, writable database with the scheduler running', () => {
    startScheduler();
    const report = checkHealth();
    expect(report.checks.migrations).toMatchObject({ ok: true });
    expect(report.checks.disk.freeBytes).toBeGreaterThan(0);
    expect(report).toMatchObject({ status: 'ok', checks: { database: { ok: true, detail: 'writable' }, shutdown: { ok: true } } });
  });

  it('says so when the scheduler has missed three runs', () => {
    const later = new Date(Date.now() + 31_000);
    expect(checkHealth(later).checks.scheduler.ok).toBe(false);
  });

  it('is unhealthy when DATA_DIR has less free space than the minimum', () => {
    const report = checkHealth(new Date(), Number.MAX_SAFE_INTEGER);
    expect(report.status).toBe('unhealthy');
    expect(report.checks.disk.ok).toBe(false);
  });

  it('is unhealthy when the database lacks a shipped migration', () => {
    const sqlite = sqliteOf(getDb());
    const last = sqlite.prepare('SELECT * FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').get() as Record<string, unknown>;
    sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at = ?').run(last.created_at);
    try {
      expect(checkHealth().checks.migrations).toMatchObject({ ok: false, detail: expect.stringContaining('pending migrations') });
    } finally {
      sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(last.hash, last.created_at);
    }
  });

  it('is unhealthy when another process holds the write lock past the busy timeout', () => {
    // A second connection stands in for the other process; a zero timeout stands in for the wait.
    const sqlite = sqliteOf(getDb());
    sqlite.pragma('busy_timeout = 0');
    const other = new Database(sqlite.name);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(checkHealth().checks.database).toMatchObject({ ok: false, detail: expect.stringContaining('not writable') });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      sqlite.pragma('busy_timeout = 5000');
    }
  });
});
