import 'server-only';
import fs from 'node:fs';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { databaseFile, getDb, MIGRATIONS_FOLDER, sqliteOf } from '@/db/client';
import { env } from '@/server/env';
import { schedulerIntervalMs, schedulerLastRunAt } from '@/server/scheduler';
import { shutdownRequestedAt } from './shutdown';

/** Below this much free space in DATA_DIR, photo uploads and the WAL are about to fail. */
export const MIN_FREE_BYTES = 1024 ** 3;
/** Three missed scheduler runs mean it is stuck or dead. */
const MISSED_SCHEDULER_RUNS = 3;

type Check = { ok: boolean; detail: string };
export type HealthReport = {
  status: 'ok' | 'unhealthy';
  checks: { database: Check; migrations: Check; disk: Check & { freeBytes?: number }; scheduler: Check; shutdown: Check };
};

const errorDetail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Takes the write lock and lets go (BEGIN IMMEDIATE, ROLLBACK), and checks the files can be written. */
function checkDatabase(): Check {
  try {
    const sqlite = sqliteOf(getDb());
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('ROLLBACK');
    fs.accessSync(databaseFile(), fs.constants.W_OK);
    fs.accessSync(env().dataDir, fs.constants.W_OK);
    return { ok: true, detail: 'writable' };
  } catch (error) {
    return { ok: false, detail: `not writable: ${errorDetail(error)}` };
  }
}

// The committed migrations do not change while the server runs.
let expectedMigrations: { count: number; lastMillis: number } | undefined;

/** drizzle records each applied migration with its folder's timestamp; the newest must be the last shipped. */
function checkMigrations(): Check {
  try {
    expectedMigrations ??= (() => {
      const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
      return { count: files.length, lastMillis: Math.max(...files.map((file) => file.folderMillis)) };
    })();
    const applied = sqliteOf(getDb())
      .prepare('SELECT count(*) AS count, max(created_at) AS lastMillis FROM __drizzle_migrations')
      .get() as { count: number; lastMillis: number | null };
    const ok = (applied.lastMillis ?? 0) >= expectedMigrations.lastMillis;
    return { ok, detail: `${applied.count} applied, ${expectedMigrations.count} shipped${ok ? '' : ': pending migrations'}` };
  } catch (error) {
    return { ok: false, detail: `cannot read: ${errorDetail(error)}` };
  }
}

function checkDisk(minFreeBytes: number): HealthReport['checks']['disk'] {
  try {
    const stats = fs.statfsSync(env().dataDir);
    const freeBytes = stats.bavail * stats.bsize;
    const ok = freeBytes >= minFreeBytes;
    return { ok, freeBytes, detail: `${(freeBytes / 1024 ** 3).toFixed(1)} GiB free${ok ? '' : `, under ${(minFreeBytes / 1024 ** 3).toFixed(1)} GiB`}` };
  } catch (error) {
    return { ok: false, detail: `cannot read: ${errorDetail(error)}` };
  }
}

function checkScheduler(now: Date): Check {
  const last = schedulerLastRunAt();
  if (!last) return { ok: false, detail: 'has not run' };
  const ago = now.getTime() - last.getTime();
  return { ok: ago <= MISSED_SCHEDULER_RUNS * schedulerIntervalMs(), detail: `last run ${Math.round(ago / 1000)} s ago` };
}

/** What `/api/health` answers: every check, and `ok` only when all pass. */
export function checkHealth(now = new Date(), minFreeBytes = MIN_FREE_BYTES): HealthReport {
  const stopping = shutdownRequestedAt();
  const checks = {
    database: checkDatabase(),
    migrations: checkMigrations(),
    disk: checkDisk(minFreeBytes),
    scheduler: checkScheduler(now),
    shutdown: stopping ? { ok: false, detail: `stopping since ${stopping.toISOString()}` } : { ok: true, detail: 'serving' },
  };
  return { status: Object.values(checks).every((check) => check.ok) ? 'ok' : 'unhealthy', checks };
}
