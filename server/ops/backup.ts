import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * A backup is a folder: `dateline.db` (a snapshot taken with SQLite's online backup API), every
 * other file of DATA_DIR as it was (photos, the session secret), and `manifest.json` naming each
 * file with its size and SHA-256. Restore checks every checksum before it touches DATA_DIR.
 */

export const DATABASE_NAME = 'dateline.db';
export const MANIFEST_NAME = 'manifest.json';
/** The database's own files, copied only through the snapshot; and uploads still in progress. */
const NOT_COPIED = new Set([DATABASE_NAME, `${DATABASE_NAME}-wal`, `${DATABASE_NAME}-shm`, `${DATABASE_NAME}-journal`, 'photos/staging']);
/** Pages per backup step: all of them, so the copy is one read transaction, see `snapshotDatabase`. */
const ALL_PAGES = 0x7fffffff;

/** A path inside the backup: relative, forward slashes, never climbing out of it. */
const RelativePath = z
  .string()
  .min(1)
  .refine((p) => !path.posix.isAbsolute(p) && !p.split('/').some((part) => part === '..' || part === '' || part === '.'), 'not a plain relative path');

export const BackupManifest = z.object({
  format: z.literal('dateline-backup/1'),
  createdAt: z.iso.datetime(),
  database: z.object({
    file: z.literal(DATABASE_NAME),
    migrationsApplied: z.number().int().nonnegative(),
    counts: z.object({ articles: z.number().int(), revisions: z.number().int(), photos: z.number().int(), users: z.number().int() }),
  }),
  files: z.array(z.object({ path: RelativePath, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every file under `dir`, as relative forward-slash paths, leaving out NOT_COPIED. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (NOT_COPIED.has(relative)) return [];
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), relative);
    return entry.isFile() ? [relative] : [];
  });
}

/** False when the file went away after it was listed (an upload that failed and was cleaned up). */
function copyIfPresent(source: string, target: string): boolean {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    fs.copyFileSync(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Copies the live database with SQLite's online backup API, safe while the server writes. Another
 * connection's write between two backup steps restarts the copy from the start, so under steady
 * autosaves a copy made in small steps may never finish: it is made in one step, which is one read
 * transaction (a consistent snapshot; in WAL mode it does not hold up the writers).
 */
async function snapshotDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Checks a copy and counts what it holds. Opened for writing, though it only reads: a read-only
 * connection to a WAL database leaves empty -wal and -shm files behind; this one removes them.
 */
function describeDatabase(file: string): BackupManifest['database'] {
  const db = new Database(file, { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`The database snapshot failed SQLite's check: ${String(check)}`);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      file: DATABASE_NAME,
      migrationsApplied: count('__drizzle_migrations'),
      counts: { articles: count('articles'), revisions: count('revisions'), photos: count('photos'), users: count('users') },
    };
  } finally {
    db.close();
  }
}

/** `dateline-backup-20261130T014502Z`: sorts by time, safe in every file system. */
export function backupFolderName(at: Date): string {
  return `dateline-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}

/**
 * Writes a backup of `dataDir` into a new folder under `intoDir` and returns its path and manifest.
 * The database is snapshotted first, then the files copied: a photo the snapshot names was stored
 * before its row was committed, so it is there to copy (later uploads may come along too; they are
 * harmless). The folder appears under its final name only when complete.
 */
export async function createBackup(dataDir: string, intoDir: string, now = new Date()): Promise<{ folder: string; manifest: BackupManifest }> {
  const folder = path.join(intoDir, backupFolderName(now));
  if (fs.existsSync(folder)) throw new Error(`${folder} already exists`);
  const partial = `${folder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true, mode: 0o700 });
  try {
    await snapshotDatabase(path.join(dataDir, DATABASE_NAME), path.join(partial, DATABASE_NAME));
    const database = describeDatabase(path.join(partial, DATABASE_NAME));
    const copied = listFiles(dataDir).filter((relative) => copyIfPresent(path.join(dataDir, relative), path.join(partial, relative)));
    const files = await Promise.all(
      [DATABASE_NAME, ...copied].map(async (relative) => {
        const file = path.join(partial, relative);
        return { path: relative, bytes: fs.statSync(file).size, sha256: await sha256Of(file) };
      }),
    );
    const manifest: BackupManifest = { format: 'dateline-backup/1', createdAt: now.toISOString(), database, files };
    // The folder holds the session secret and password hashes: for its owner only.
    fs.writeFileSync(path.join(partial, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** The backup's manifest, after checking that every file it names is there with its size and checksum. */
export async function verifyBackup(folder: string): Promise<BackupManifest> {
  const manifestFile = path.join(folder, MANIFEST_NAME);
  if (!fs.existsSync(manifestFile)) throw new Error(`${folder} is not a Dateline backup: it has no ${MANIFEST_NAME}`);
  const parsed = BackupManifest.safeParse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  if (!parsed.success) throw new Error(`${manifestFile} is not a valid manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const manifest = parsed.data;
  if (!manifest.files.some((file) => file.path === DATABASE_NAME)) throw new Error(`The manifest does not list ${DATABASE_NAME}`);
  const problems: string[] = [];
  for (const entry of manifest.files) {
    const file = path.join(folder, entry.path);
    if (!fs.existsSync(file)) problems.push(`${entry.path}: missing`);
    else if (fs.statSync(file).size !== entry.bytes) problems.push(`${entry.path}: ${fs.statSync(file).size} bytes, the manifest says ${entry.bytes}`);
    else if ((await sha256Of(file)) !== entry.sha256) problems.push(`${entry.path}: checksum differs from the manifest`);
  }
  if (problems.length > 0) throw new Error(`The backup in ${folder} is damaged; nothing was restored:\n  ${problems.join('\n  ')}`);
  return manifest;
}

export class DataDirNotEmpty extends Error {}

/**
 * Restores a verified backup into `dataDir`. An existing, non-empty DATA_DIR is refused unless
 * `force`; with it, only what a backup holds is replaced (the database with its WAL and shared
 * memory files, which would otherwise be replayed onto the restored file, the photos, the secret).
 * Stop the server first: it holds the database open.
 */
export async function restoreBackup(folder: string, dataDir: string, { force = false } = {}): Promise<BackupManifest> {
  const manifest = await verifyBackup(folder);
  const present = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (present.length > 0 && !force) {
    throw new DataDirNotEmpty(`${dataDir} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}); restore into an empty DATA_DIR, or pass --force to replace its database and photos`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(dataDir, '.restoring-'));
  try {
    for (const entry of manifest.files) {
      const target = path.join(staging, entry.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(folder, entry.path), target);
    }
    const topLevel = [...new Set(manifest.files.map((entry) => entry.path.split('/')[0]!))];
    for (const name of [...topLevel, ...NOT_COPIED]) {
      if (!name.includes('/')) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    }
    for (const name of topLevel) fs.renameSync(path.join(staging, name), path.join(dataDir, name));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  describeDatabase(path.join(dataDir, DATABASE_NAME));
  return manifest;
}
