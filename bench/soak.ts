/**
 * Reliability soak against the production build (`npm run build` first):
 *   npm run soak                  every leg, the last three on one newsroom, in order
 *   npm run soak -- load          one: sync | crash | load | backup
 * sync:   the commit cost of synchronous = FULL against NORMAL (no server).
 * crash:  8 writers save distinct text while the server is killed with SIGKILL 5 times at random
 *         moments and restarted; then SIGTERM mid-save. Every acknowledged save must be found.
 * load:   50 editors autosave every 2 s on 50 articles and 10 readers load public pages, 60 s.
 * backup: `npm run backup` while 20 writers save and photos upload; `npm run restore` into a new
 *         DATA_DIR; a server started on it; every revision, article and photo compared.
 * Loopback only; every loop is bounded by a count or a deadline. Figures, with PASS/MISS lines.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { plainTextToDoc } from '@/lib/article-body';
import { assertBuilt, type RunningApp, startApp } from './support/app-server';
import { setEnv } from './support/bench-env';
import { newsBody, randomSource } from './support/copy';
import { machineCpuMs, processCpuMs } from './support/cpu-time';
import { mainThreadMs } from './support/main-thread-time';
import { DeskSession, saveFields, timedFetch } from './support/newsroom-client';
import { runScript } from './support/npm-script';
import { cameraJpeg, writeDistinctCopy } from './support/test-photo';
import { describeMs, heading, summarize } from './support/stats';

const EDITORS = 50;
const PASSWORD = `soak-${randomBytes(18).toString('base64url')}`;
const SERVER_ENV = { NEWSROOM_TIMEZONE: 'UTC' };
const random = randomSource(20261130);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

type Newsroom = { dataDir: string; emails: string[]; publicPaths: string[] };

/** What the server wrote about SQLITE_BUSY: retried inside (absorbed) and surfaced (a 503). */
const busyLines = { retried: 0, surfaced: 0 };
function countBusy(text: string): void {
  busyLines.retried += text.split('sqlite busy: transaction retried').length - 1;
  busyLines.surfaced += text.split('sqlite busy surfaced').length - 1;
}

function verdict(name: string, pass: boolean, figure: string): boolean {
  console.log(`TARGET ${name}: ${figure} -> ${pass ? 'PASS' : 'MISS'}`);
  return pass;
}

/** The demo newsroom (for its public pages) and 50 editors, written before any server runs. */
async function prepareNewsroom(): Promise<Newsroom> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-soak-'));
  setEnv({ DATA_DIR: dataDir, DEMO: '0', ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  const [{ seedDemo }, { createUser }, { SYSTEM }, { checkpointAndClose, getDb, sqliteOf }] = await Promise.all([
    import('@/server/demo/seed-demo'),
    import('@/server/users/create-user'),
    import('@/server/policy'),
    import('@/db/client'),
  ]);
  await seedDemo();
  const emails = Array.from({ length: EDITORS }, (_, i) => `soak-editor-${i}@soak.example`);
  for (const [i, email] of emails.entries()) await createUser(SYSTEM, { email, name: `Soak Editor ${i}`, role: 'editor', password: PASSWORD });
  const slugs = sqliteOf(getDb()).prepare("SELECT slug FROM articles WHERE status = 'published'").all() as { slug: string }[];
  checkpointAndClose();
  return { dataDir, emails, publicPaths: ['/', '/feed.xml', ...slugs.map(({ slug }) => `/news/${slug}`)] };
}

function serve(dataDir: string, port?: number): Promise<RunningApp> {
  return startApp(SERVER_ENV, { dataDir, port, onOutput: countBusy });
}

async function signInAll(baseUrl: string, emails: string[]): Promise<DeskSession[]> {
  const sessions: DeskSession[] = [];
  for (const email of emails) sessions.push(await DeskSession.signIn(baseUrl, email, PASSWORD));
  return sessions;
}

/** One article per session, saved once so it has text; returns each id and version. */
function articlesFor(sessions: DeskSession[]): Promise<{ id: number; version: number }[]> {
  return Promise.all(sessions.map((session, i) => session.newDraft(`Soak story ${i}`, plainTextToDoc('First words.'))));
}

function readOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

type Ack = { articleId: number; number: number; token: string };

/** Each acknowledged save, looked up by article and revision number: is its token in the text? */
function findAcks(file: string, acks: Ack[]): { found: number; lost: Ack[] } {
  const db = readOnly(file);
  try {
    const get = db.prepare('SELECT body_text AS text FROM revisions WHERE article_id = ? AND number = ?');
    const lost = acks.filter((ack) => !((get.get(ack.articleId, ack.number) as { text: string } | undefined)?.text ?? '').includes(ack.token));
    return { found: acks.length - lost.length, lost };
  } finally {
    db.close();
  }
}

function walBytes(dataDir: string): number {
  const wal = path.join(dataDir, 'dateline.db-wal');
  return fs.existsSync(wal) ? fs.statSync(wal).size : 0;
}

// ---------------------------------------------------------------------------------------------

const SYNC_COMMITS = 2_000;

/**
 * What `synchronous = FULL` costs over NORMAL (docs/decisions/012): the commit of a save-sized
 * transaction (a 5 kB revision and an audit row, BEGIN IMMEDIATE) on a WAL file in the temp
 * folder, each level twice, alternating, so a busy moment hits both.
 */
async function syncLeg(): Promise<boolean> {
  heading(`synchronous = NORMAL vs FULL: ${SYNC_COMMITS} save-sized commits each, WAL, ${os.tmpdir()}`);
  for (const level of ['NORMAL', 'FULL', 'NORMAL', 'FULL'] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-soak-sync-'));
    const db = new Database(path.join(dir, 'sync.db'));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${level}`);
      db.exec('CREATE TABLE revisions (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT NOT NULL)');
      const body = JSON.stringify(newsBody(600, 1));
      const revision = db.prepare('INSERT INTO revisions (body) VALUES (?)');
      const audit = db.prepare('INSERT INTO audit (what) VALUES (?)');
      const save = db.transaction(() => {
        revision.run(body);
        audit.run('article.save');
      });
      const times: number[] = [];
      for (let i = 0; i < SYNC_COMMITS; i++) {
        const started = performance.now();
        save.immediate();
        times.push(performance.now() - started);
      }
      const stats = summarize(times);
      console.log(`${describeMs(`synchronous = ${level}`, stats)}  p99 ${stats.p99.toFixed(2)} ms`);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------

const CRASH_WRITERS = 8;
const KILLS = 5;
/** A kill comes this long after the server is back: long enough for saves to be in flight. */
const KILL_AFTER_MS = [1_000, 4_000] as const;
const CRASH_LEG_DEADLINE_MS = 180_000;

async function crashLeg(newsroom: Newsroom): Promise<boolean> {
  heading(`Crash: ${CRASH_WRITERS} writers saving distinct text; SIGKILL ${KILLS} times at random moments, restart; then SIGTERM mid-save`);
  let app = await serve(newsroom.dataDir);
  try {
    const port = Number(new URL(app.baseUrl).port);
    const sessions = await signInAll(app.baseUrl, newsroom.emails.slice(0, CRASH_WRITERS));
    const articles = await articlesFor(sessions);
    const deadline = Date.now() + CRASH_LEG_DEADLINE_MS;
    const acks: Ack[] = [];
    let up = true;
    let running = true;
    let cut = 0;
    let inFlight = 0;
    /** Saves sent before the SIGTERM and answered after it: what a graceful stop must finish. */
    const atSignal = { inFlight: 0, answered: 0, cut: 0, signalled: false };
    const unexpected: string[] = [];

    // Explicit saves: each is its own revision forever, so each acknowledgement can be checked on
    // its own (autosaves fold into one revision by design; they run the same transaction).
    const writer = async (i: number) => {
      const session = sessions[i]!;
      const article = articles[i]!;
      for (let seq = 0; running && Date.now() < deadline; seq++) {
        if (!up) {
          await sleep(50);
          continue;
        }
        const token = `w${i}-s${seq}-${randomBytes(4).toString('hex')}`;
        const sentBeforeSignal = !atSignal.signalled;
        inFlight++;
        const result = await session.save(article.id, saveFields(`Crash writer ${i}`, plainTextToDoc(`Saved text ${token}.`)), article.version, 'save');
        inFlight--;
        if (sentBeforeSignal && atSignal.signalled) atSignal[result.ok ? 'answered' : 'cut']++;
        if (result.data && result.ok) {
          article.version = result.data.version;
          acks.push({ articleId: article.id, number: result.data.revisionNumber, token });
        } else if (result.status === 0) {
          // The server died under this request: its outcome is unknown, so it is not counted.
          cut++;
          while (!up && running && Date.now() < deadline) await sleep(50);
          const current = await session.article(article.id);
          if (current.data) article.version = current.data.version;
        } else if (result.status === 409) {
          // A save the server committed while the answer was lost to a kill: take its version.
          const current = await session.article(article.id);
          if (current.data) article.version = current.data.version;
        } else {
          unexpected.push(`${result.status} ${result.error ?? ''}`);
        }
      }
    };

    const restarts: number[] = [];
    const killer = async () => {
      for (let k = 0; k < KILLS && Date.now() < deadline; k++) {
        await sleep(KILL_AFTER_MS[0] + random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]));
        up = false;
        await app.crash();
        const started = Date.now();
        app = await serve(newsroom.dataDir, port);
        restarts.push(Date.now() - started);
        up = true;
      }
      await sleep(1_500);
    };

    const writers = sessions.map((_, i) => writer(i));
    await killer();
    // No new saves from here; the ones in flight must be answered before the server exits.
    up = false;
    atSignal.signalled = true;
    atSignal.inFlight = inFlight;
    const stopped = await app.terminate();
    const walAfterTerm = walBytes(newsroom.dataDir);
    running = false;
    await Promise.all(writers);

    const { found, lost } = findAcks(path.join(newsroom.dataDir, 'dateline.db'), acks);
    const db = readOnly(path.join(newsroom.dataDir, 'dateline.db'));
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    console.log(
      `writers: ${CRASH_WRITERS}, each saving its own article as fast as answered; kills: ${restarts.length} (SIGKILL ${KILL_AFTER_MS[0] / 1000}–${KILL_AFTER_MS[1] / 1000} s after each start); ` +
        `restart to serving: ${restarts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    console.log(`requests cut by the kills (outcome unknown, not counted): ${cut}; other failures: ${unexpected.length}${unexpected.length ? ` (${unexpected.slice(0, 3).join('; ')})` : ''}`);
    console.log(
      `SIGTERM while saving: exit ${stopped.code ?? stopped.signal} after ${stopped.ms} ms; saves in flight at the signal ${atSignal.inFlight}, ` +
        `answered ${atSignal.answered}, cut ${atSignal.cut}; WAL after exit ${walAfterTerm} bytes (0 = checkpointed)`,
    );
    console.log(`acknowledged saves: ${acks.length}, found: ${found}, lost: ${lost.length}; integrity_check: ${String(integrity)}`);
    for (const ack of lost.slice(0, 5)) console.log(`  LOST article ${ack.articleId} revision ${ack.number} (${ack.token})`);
    return [
      verdict('acknowledged saves lost after kill -9', lost.length === 0 && acks.length > 0, `${lost.length} of ${acks.length}`),
      verdict('database intact', integrity === 'ok', String(integrity)),
      verdict(
        'SIGTERM: in-flight saves answered, exits on its own, WAL checkpointed',
        atSignal.cut === 0 && stopped.code !== null && walAfterTerm === 0,
        `${atSignal.answered} of ${atSignal.inFlight} answered, exit ${stopped.code ?? stopped.signal}, WAL ${walAfterTerm} bytes`,
      ),
      verdict('unexpected failures', unexpected.length === 0, String(unexpected.length)),
    ].every(Boolean);
  } finally {
    // Stopped already when all went well; a leg that threw must not leave a server behind.
    await app.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const SAVE_EVERY_MS = 2_000;
const LOAD_SECONDS = 60;
const READERS = 10;
const READ_PAUSE_MS = 100;

async function loadLeg(newsroom: Newsroom): Promise<boolean> {
  heading(`Concurrency: ${EDITORS} editors autosaving every ${SAVE_EVERY_MS / 1000} s on ${EDITORS} articles + ${READERS} readers, ${LOAD_SECONDS} s`);
  const app = await serve(newsroom.dataDir);
  try {
    const sessions = await signInAll(app.baseUrl, newsroom.emails);
    const articles = await articlesFor(sessions);
    const busyBefore = { ...busyLines };
    const cpuBefore = machineCpuMs();
    const serverCpuBefore = processCpuMs(app.pid);
    const mainBefore = mainThreadMs(app.pid);
    const selfCpuBefore = process.cpuUsage();
    const started = Date.now();
    const deadline = started + LOAD_SECONDS * 1_000;
    const saves: number[] = [];
    const reads: number[] = [];
    const failures: string[] = [];
    let busy503 = 0;

    // A ~600-word story that grows by a sentence each autosave, as a person typing.
    const editor = async (i: number) => {
      const story = newsBody(600, i + 1);
      await sleep(random() * SAVE_EVERY_MS);
      for (let tick = 0; Date.now() < deadline; tick++) {
        const due = Date.now() + SAVE_EVERY_MS;
        const result = await sessions[i]!.save(articles[i]!.id, saveFields(`Soak story ${i}`, { type: 'doc', content: [...story.content, ...plainTextToDoc(`Typed at tick ${tick}.`).content] }), articles[i]!.version, 'autosave');
        saves.push(result.ms);
        if (result.ok && result.data) articles[i]!.version = result.data.version;
        else {
          if (result.status === 503) busy503++;
          failures.push(`save ${result.status} ${result.error ?? ''}`);
        }
        await sleep(Math.max(0, due - Date.now()));
      }
    };
    const reader = async () => {
      while (Date.now() < deadline) {
        const result = await timedFetch(`${app.baseUrl}${pick(newsroom.publicPaths)}`);
        reads.push(result.ms);
        if (!result.ok) failures.push(`read ${result.status} ${result.error ?? ''}`);
        await sleep(READ_PAUSE_MS);
      }
    };
    await Promise.all([...sessions.map((_, i) => editor(i)), ...Array.from({ length: READERS }, reader)]);
    const wallMs = Date.now() - started;
    const cpuAfter = machineCpuMs();
    const busyShare = (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.busy - cpuBefore.busy + cpuAfter.idle - cpuBefore.idle);
    const selfCpu = process.cpuUsage(selfCpuBefore);
    const cores = {
      server: (processCpuMs(app.pid) - serverCpuBefore) / wallMs,
      self: (selfCpu.user + selfCpu.system) / 1000 / wallMs,
      busy: (cpuAfter.busy - cpuBefore.busy) / wallMs,
    };
    const mainAfter = mainThreadMs(app.pid);
    const saveStats = summarize(saves);
    const readStats = summarize(reads);
    const surfaced = busyLines.surfaced - busyBefore.surfaced + busy503;
    console.log(
      `${(wallMs / 1000).toFixed(1)} s; CPUs ${(busyShare * 100).toFixed(0)}% busy during the run (server, this load generator and anything else on the machine); ` +
        `readers pick from ${newsroom.publicPaths.length} public paths (front page, RSS, the demo's stories), ${READ_PAUSE_MS} ms apart`,
    );
    console.log(
      `CPU in cores of ${os.cpus().length}: next-server ${cores.server.toFixed(2)}, this load generator ${cores.self.toFixed(2)}, ` +
        `other processes ${Math.max(0, cores.busy - cores.server - cores.self).toFixed(2)}; ` +
        `next-server's JavaScript thread on a CPU ${(((mainAfter.onCpu - mainBefore.onCpu) / wallMs) * 100).toFixed(0)}% of the time, ` +
        `runnable but waiting for one ${(((mainAfter.waiting - mainBefore.waiting) / wallMs) * 100).toFixed(0)}%`,
    );
    console.log(`${describeMs('autosave PUT /api/articles/:id', saveStats)}  p99 ${saveStats.p99.toFixed(2)} ms  (${(saveStats.n / (wallMs / 1000)).toFixed(1)}/s)`);
    console.log(`${describeMs('public page GET', readStats)}  p99 ${readStats.p99.toFixed(2)} ms  (${(readStats.n / (wallMs / 1000)).toFixed(1)}/s)`);
    console.log(
      `errors: ${failures.length}${failures.length ? ` (${failures.slice(0, 3).join('; ')})` : ''}; ` +
        `SQLITE_BUSY retried inside the server: ${busyLines.retried - busyBefore.retried}, surfaced: ${surfaced}`,
    );
    return [
      verdict('errors (saves and page views)', failures.length === 0, String(failures.length)),
      verdict('SQLITE_BUSY surfaced', surfaced === 0, String(surfaced)),
    ].every(Boolean);
  } finally {
    await app.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const BACKUP_WRITERS = 20;
const BACKUP_SAVE_PAUSE_MS = 300;
const PHOTOS = 6;
const WRITE_BEFORE_BACKUP_MS = 4_000;
const WRITE_AFTER_BACKUP_MS = 3_000;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a photo folder, by relative path, with its SHA-256. */
function photoFiles(dataDir: string, storageKey: string): Record<string, string> {
  const folder = path.join(dataDir, 'photos', storageKey);
  return Object.fromEntries(fs.readdirSync(folder).map((name) => [name, sha256(fs.readFileSync(path.join(folder, name)))]));
}

async function backupLeg(newsroom: Newsroom): Promise<boolean> {
  heading(`Backup round-trip: npm run backup while ${BACKUP_WRITERS} writers save and ${PHOTOS} photos upload; npm run restore into a new DATA_DIR; start; compare`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-soak-backup-'));
  const restoredDir = path.join(scratch, 'restored-data');
  let source: RunningApp | undefined = await serve(newsroom.dataDir);
  let restored: RunningApp | undefined;
  try {
    const sessions = await signInAll(source.baseUrl, newsroom.emails.slice(0, BACKUP_WRITERS));
    const articles = await articlesFor(sessions);
    const acks: Ack[] = [];
    const failures: string[] = [];
    let writing = true;
    const writer = async (i: number) => {
      for (let seq = 0; writing; seq++) {
        const token = `b${i}-s${seq}-${randomBytes(4).toString('hex')}`;
        const result = await sessions[i]!.save(articles[i]!.id, saveFields(`Backup writer ${i}`, plainTextToDoc(`Saved text ${token}.`)), articles[i]!.version, 'save');
        if (result.ok && result.data) {
          articles[i]!.version = result.data.version;
          acks.push({ articleId: articles[i]!.id, number: result.data.revisionNumber, token });
        } else failures.push(`save ${result.status} ${result.error ?? ''}`);
        await sleep(BACKUP_SAVE_PAUSE_MS);
      }
    };
    const jpeg = await cameraJpeg(1200, 800);
    const uploader = async () => {
      for (let i = 0; i < PHOTOS && writing; i++) {
        const file = path.join(scratch, `soak-${i}.jpg`);
        writeDistinctCopy(jpeg, `soak photo ${i} ${randomBytes(4).toString('hex')}`, file);
        const result = await sessions[0]!.uploadPhoto(`soak-${i}.jpg`, fs.readFileSync(file));
        if (!result.ok) failures.push(`upload ${result.status} ${result.error ?? ''}`);
        await sleep((WRITE_BEFORE_BACKUP_MS + WRITE_AFTER_BACKUP_MS) / PHOTOS);
      }
    };
    const load = [...sessions.map((_, i) => writer(i)), uploader()];
    await sleep(WRITE_BEFORE_BACKUP_MS);
    const ackedBeforeBackup = [...acks];
    const backup = await runScript('scripts/backup.ts', ['--out', path.join(scratch, 'backups')], newsroom.dataDir);
    console.log(`npm run backup: exit ${backup.code} in ${(backup.ms / 1000).toFixed(1)} s while writing: ${backup.output.split('\n').at(-1)}`);
    await sleep(WRITE_AFTER_BACKUP_MS);
    writing = false;
    await Promise.all(load);
    await source.stop();
    source = undefined;
    if (backup.code !== 0) throw new Error(`npm run backup failed:\n${backup.output}`);

    const folder = path.join(scratch, 'backups', fs.readdirSync(path.join(scratch, 'backups'))[0]!);
    const restore = await runScript('scripts/restore.ts', [folder], restoredDir);
    console.log(`npm run restore: exit ${restore.code} in ${(restore.ms / 1000).toFixed(1)} s: ${restore.output.split('\n').at(-1)}`);
    if (restore.code !== 0) throw new Error(`npm run restore failed:\n${restore.output}`);
    restored = await serve(restoredDir);

    const sourceDb = readOnly(path.join(newsroom.dataDir, 'dateline.db'));
    const restoredDb = readOnly(path.join(restoredDir, 'dateline.db'));
    const problems: string[] = [];
    let revisionsCompared = 0;
    let articlesCompared = 0;
    let photoFilesCompared = 0;
    try {
      // Revisions are append-only (these legs make explicit saves, which never fold): each row in
      // the backup must be the source's row of the same id, byte for byte.
      const sourceRevision = sourceDb.prepare('SELECT * FROM revisions WHERE id = ?');
      for (const row of restoredDb.prepare('SELECT * FROM revisions').all() as { id: number }[]) {
        revisionsCompared++;
        if (!isDeepStrictEqual(row, sourceRevision.get(row.id))) problems.push(`revision ${row.id} differs`);
      }
      const { lost } = findAcks(path.join(restoredDir, 'dateline.db'), ackedBeforeBackup);
      for (const ack of lost) problems.push(`save acknowledged before the backup missing: article ${ack.articleId} revision ${ack.number}`);

      // Each article as the restored server serves it: its working copy is its newest revision there.
      const working = restoredDb.prepare(
        'SELECT a.id, a.author_id AS authorId, r.number, r.headline, r.body FROM articles a JOIN revisions r ON r.id = a.working_revision_id',
      );
      const newest = restoredDb.prepare('SELECT max(number) AS n FROM revisions WHERE article_id = ?');
      const byAuthor = new Map(sessions.map((session, i) => [articles[i]!.id, session]));
      for (const article of working.all() as { id: number; number: number; headline: string; body: string }[]) {
        if ((newest.get(article.id) as { n: number }).n !== article.number) problems.push(`article ${article.id}: working copy is not its newest revision`);
        const session = byAuthor.get(article.id);
        if (!session) continue;
        session.baseUrl = restored.baseUrl;
        const served = await session.article(article.id);
        articlesCompared++;
        const view = served.data as { headline?: string; body?: unknown; revisionNumber?: number } | undefined;
        if (!view || view.revisionNumber !== article.number || view.headline !== article.headline || !isDeepStrictEqual(view.body, JSON.parse(article.body))) {
          problems.push(`article ${article.id}: the restored server serves something else (${served.status})`);
        }
      }

      const sourcePhoto = sourceDb.prepare('SELECT * FROM photos WHERE id = ?');
      const photos = restoredDb.prepare('SELECT * FROM photos').all() as { id: number; sha256: string; storage_key: string }[];
      for (const photo of photos) {
        if (!isDeepStrictEqual(photo, sourcePhoto.get(photo.id))) problems.push(`photo ${photo.id}: row differs`);
        const before = photoFiles(newsroom.dataDir, photo.storage_key);
        const after = photoFiles(restoredDir, photo.storage_key);
        photoFilesCompared += Object.keys(after).length;
        if (!isDeepStrictEqual(before, after)) problems.push(`photo ${photo.id}: files differ`);
        const rendition = Object.keys(after).find((name) => name.endsWith('.webp'));
        if (rendition) {
          const response = await fetch(`${restored.baseUrl}/media/photos/${photo.sha256}/${rendition}`);
          const bytes = Buffer.from(await response.arrayBuffer());
          if (!response.ok || sha256(bytes) !== after[rendition]) problems.push(`photo ${photo.id}: served ${rendition} differs (${response.status})`);
        }
      }
      console.log(
        `saves acknowledged: ${acks.length} (${ackedBeforeBackup.length} before the backup began); failures while writing: ${failures.length}; ` +
          `compared: ${revisionsCompared} revisions (rows), ${articlesCompared} articles (served by the restored server), ` +
          `${photos.length} photos (rows) with ${photoFilesCompared} files (bytes; one rendition of each served)`,
      );
    } finally {
      sourceDb.close();
      restoredDb.close();
    }
    for (const problem of problems.slice(0, 10)) console.log(`  ${problem}`);
    return [
      verdict('backup and restore exit 0', backup.code === 0 && restore.code === 0, `backup ${backup.code}, restore ${restore.code}`),
      verdict('restored revisions, articles and photos identical', problems.length === 0, `${problems.length} differences`),
      verdict('failures while writing', failures.length === 0, String(failures.length)),
    ].every(Boolean);
  } finally {
    await source?.stop();
    await restored?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

const LEGS = { sync: syncLeg, crash: crashLeg, load: loadLeg, backup: backupLeg } as const;
type LegName = keyof typeof LEGS;
const NEEDS_SERVER: readonly LegName[] = ['crash', 'load', 'backup'];

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in LEGS));
  if (unknown.length > 0) {
    console.error(`Unknown soak leg ${unknown.join(', ')}; choose from ${Object.keys(LEGS).join(', ')}.`);
    process.exit(2);
  }
  const names = (asked.length > 0 ? asked : Object.keys(LEGS)) as LegName[];
  console.log(`Dateline soak — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  let newsroom: Newsroom | undefined;
  try {
    const results: string[] = [];
    for (const name of names) {
      if (NEEDS_SERVER.includes(name) && !newsroom) {
        console.log(`build: ${assertBuilt()}`);
        newsroom = await prepareNewsroom();
      }
      results.push(`${name}: ${(await LEGS[name](newsroom!)) ? 'all targets PASS' : 'a target was MISSED'}`);
    }
    console.log(`\n=== Summary ===\n${results.join('\n')}`);
  } finally {
    if (newsroom) fs.rmSync(newsroom.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
