/**
 * Autosave server time: `saveArticle(user, id, { ...fields, version, mode: 'autosave' })` on a
 * database of 10,000 articles and 100,000 revisions, against a raw prepared INSERT of the same
 * revision row on the same connection in the same run. Run: `npm run bench -- autosave`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { BodyDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { setEnv } from './support/bench-env';
import { newsBody } from './support/copy';
import { describeMs, heading, ms, summarize, verdict } from './support/stats';

const ARTICLES = 10_000;
const REVISIONS_PER_ARTICLE = 10;
const AUDIT_ROWS = 100_000;
const WRITERS = 10;
/** Articles autosaved twice each: the first autosave opens a revision, the second folds into it. */
const MEASURED_ARTICLES = 1_000;
const WARMUP_SAVES = 100;
const BODY_WORDS = 600;
const BODY_POOL = 200;
const TARGET_P95_MS = 15;

const DAY = 24 * 60 * 60 * 1000;

export async function benchAutosave(): Promise<boolean> {
  heading('1. Autosave server time (saveArticle, mode autosave)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-autosave-'));
  // The app reads its environment once, on first use: set it before importing anything that does.
  setEnv({ DATA_DIR: dataDir, DEMO: '0', ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  try {
    return await run(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The app's modules, imported only once DATA_DIR is set. */
async function loadApp() {
  const [{ getDb }, { BodyDoc }, { bodyPlainText }, { saveArticle }, { SYSTEM }, { createUser }] = await Promise.all([
    import('@/db/client'),
    import('@/lib/article-body'),
    import('@/lib/editor/body-text'),
    import('@/server/articles/save-article'),
    import('@/server/policy'),
    import('@/server/users/create-user'),
  ]);
  return { getDb, BodyDoc, bodyPlainText, saveArticle, SYSTEM, createUser };
}

async function run(dataDir: string): Promise<boolean> {
  const app = await loadApp();
  // The same connection the app uses (same pragmas, same page cache): drizzle exposes it as $client,
  // which the app's `Db` type leaves out.
  const sqlite = (app.getDb() as unknown as { $client?: BetterSqlite3.Database }).$client;
  if (!sqlite) throw new Error('drizzle no longer exposes the better-sqlite3 connection as $client');
  try {
    return await measure(app, sqlite, dataDir);
  } finally {
    sqlite.close();
  }
}

async function measure(
  { BodyDoc, bodyPlainText, saveArticle, SYSTEM, createUser }: Awaited<ReturnType<typeof loadApp>>,
  sqlite: BetterSqlite3.Database,
  dataDir: string,
): Promise<boolean> {
  const writers: SessionUser[] = [];
  for (let i = 0; i < WRITERS; i++) {
    writers.push(
      await createUser(SYSTEM, { email: `writer${i}@bench.example`, name: `Writer ${i}`, role: 'editor', password: 'bench-password-long' }),
    );
  }

  // Bodies as the route would store them: parsed by the same schema, so normalised.
  const pool = Array.from({ length: BODY_POOL }, (_, i) => {
    const body = BodyDoc.parse(newsBody(BODY_WORDS, i + 1));
    return { body, json: JSON.stringify(body), text: bodyPlainText(body) };
  });

  const started = performance.now();
  buildDataSet(sqlite, writers, pool);
  const buildSeconds = (performance.now() - started) / 1000;
  const dbBytes = fs.statSync(path.join(dataDir, 'dateline.db')).size + walBytes(dataDir);
  const counts = sqlite
    .prepare('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM revisions) AS revisions, (SELECT count(*) FROM audit_log) AS audit')
    .get() as { articles: number; revisions: number; audit: number };
  console.log(
    `data set: ${counts.articles} articles, ${counts.revisions} revisions, ${counts.audit} audit rows, ` +
      `${WRITERS} writers, ~${BODY_WORDS}-word bodies (${(pool[0]!.json.length / 1000).toFixed(1)} kB JSON each); ` +
      `${(dbBytes / 1e6).toFixed(0)} MB on disk, built in ${buildSeconds.toFixed(1)} s`,
  );

  // The measured articles are spread over the table; the baseline writes to other articles, so its
  // rows never change what saveArticle sees (revision numbers, the working revision).
  const step = ARTICLES / MEASURED_ARTICLES;
  const measured = Array.from({ length: MEASURED_ARTICLES }, (_, i) => 1 + i * step);
  const baselineArticles = measured.map((id) => id + 1);
  const warmup = Array.from({ length: WARMUP_SAVES }, (_, i) => 3 + i * step);
  // Writers autosave while they hold the article's edit lock (the editor is read-only otherwise).
  const lock = sqlite.prepare('UPDATE articles SET locked_by = ?, locked_since = ?, lock_heartbeat_at = ? WHERE id = ?');
  const lockedAt = Date.now();
  sqlite.transaction(() => {
    for (const id of [...warmup, ...measured]) lock.run(writers[writerIndexOf(id)]!.id, lockedAt, lockedAt, id);
  })();
  const version = new Map<number, number>();
  for (const row of sqlite.prepare('SELECT id, version FROM articles').all() as { id: number; version: number }[]) {
    version.set(row.id, row.version);
  }
  const authorOf = (articleId: number) => writers[writerIndexOf(articleId)]!;

  /** Each autosave carries a slightly different body: the writer typed a few more words. */
  const inputFor = (articleId: number, pass: number) => {
    const base = pool[articleId % BODY_POOL]!.body;
    const body: BodyDoc = {
      type: 'doc',
      content: [...base.content, { type: 'paragraph', content: [{ type: 'text', text: `Update ${pass}: more words typed by the writer.` }] }],
    };
    return {
      headline: `Headline of article ${articleId}`,
      standfirst: 'What happened, in two lines, for the front page and the feeds.',
      datelinePlace: 'LONDON',
      datelineSource: 'Dateline',
      byline: authorOf(articleId).name,
      leadPhoto: null,
      body,
    };
  };

  const nextNumber = new Map<number, number>(baselineArticles.map((id) => [id, REVISIONS_PER_ARTICLE + 1]));
  const rawInsert = sqlite.prepare(
    `INSERT INTO revisions (article_id, number, kind, author_id, created_at, headline, standfirst, dateline_place,
       dateline_source, byline, body, body_text) VALUES (?, ?, 'autosave', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const autosave = (articleId: number, pass: number) => {
    const input = { ...inputFor(articleId, pass), version: version.get(articleId)!, mode: 'autosave' as const };
    const t0 = performance.now();
    const view = saveArticle(authorOf(articleId), articleId, input);
    const elapsed = performance.now() - t0;
    version.set(articleId, view.version);
    return { elapsed, view };
  };

  for (const [i, id] of warmup.entries()) autosave(id, i);

  const insertCase: number[] = [];
  const foldCase: number[] = [];
  const baseline: number[] = [];
  const validation: number[] = [];
  let unexpected = 0;
  for (const pass of [1, 2]) {
    for (const [i, articleId] of measured.entries()) {
      const { elapsed, view } = autosave(articleId, pass);
      // Pass 1 follows an explicit save, so it opens revision 11; pass 2 folds into it.
      if (view.revisionKind !== 'autosave' || view.revisionNumber !== REVISIONS_PER_ARTICLE + 1) unexpected++;
      (pass === 1 ? insertCase : foldCase).push(elapsed);

      // Baseline, interleaved so both see the same cache, WAL size and checkpoints: the same
      // revision row (body already serialised) in one autocommit INSERT on the same connection.
      const other = baselineArticles[i]!;
      const row = inputFor(articleId, pass);
      const bodyJson = JSON.stringify(row.body);
      const bodyText = bodyPlainText(row.body);
      const number = nextNumber.get(other)!;
      nextNumber.set(other, number + 1);
      const t0 = performance.now();
      rawInsert.run(other, number, authorOf(other).id, Date.now(), row.headline, row.standfirst, row.datelinePlace, row.datelineSource, row.byline, bodyJson, bodyText);
      baseline.push(performance.now() - t0);
    }
  }
  if (unexpected > 0) throw new Error(`${unexpected} autosaves did not insert/fold as planned; the figures would be mislabelled`);

  // What the HTTP path adds before the domain function: the route's zod parse of the body.
  for (const [i, articleId] of measured.entries()) {
    const body = inputFor(articleId, i).body;
    const t0 = performance.now();
    BodyDoc.parse(body);
    validation.push(performance.now() - t0);
  }

  const all = summarize([...insertCase, ...foldCase]);
  const inserts = summarize(insertCase);
  const folds = summarize(foldCase);
  const raw = summarize(baseline);
  const parse = summarize(validation);
  console.log(
    `${MEASURED_ARTICLES} articles spread over the table, each autosaved twice by its writer, who holds the edit lock: ` +
      `the first opens a new autosave revision (the last one was an explicit save), the second folds into it; ` +
      `${WARMUP_SAVES} warm-up autosaves on other articles not counted`,
  );
  console.log(describeMs('saveArticle autosave, all', all));
  console.log(describeMs('  new autosave revision (INSERT + audit row)', inserts));
  console.log(describeMs('  folded into own autosave (UPDATE)', folds));
  console.log(describeMs('baseline: raw prepared INSERT of the row', raw));
  console.log(describeMs('BodyDoc.parse of the same body (route zod)', parse));
  console.log(`ratio saveArticle / raw INSERT: p50 ${(all.p50 / raw.p50).toFixed(1)}×, p95 ${(all.p95 / raw.p95).toFixed(1)}×`);
  console.log(`HTTP path estimate (p95 save + p95 parse): ${ms(all.p95 + parse.p95)}`);

  const pass = [
    verdict('autosave p95 (all 2,000)', all.p95, TARGET_P95_MS, 'ms'),
    verdict('autosave p95 (new-revision case)', inserts.p95, TARGET_P95_MS, 'ms'),
    verdict('autosave p95 (fold case)', folds.p95, TARGET_P95_MS, 'ms'),
  ];
  return pass.every(Boolean);
}

function walBytes(dataDir: string): number {
  const wal = path.join(dataDir, 'dateline.db-wal');
  return fs.existsSync(wal) ? fs.statSync(wal).size : 0;
}

/** Articles go to writers in runs of ten, so the measured ones (every tenth) have every writer. */
const writerIndexOf = (articleId: number) => Math.floor((articleId - 1) / 10) % WRITERS;

type PoolBody = { json: string; text: string };

/** 10,000 articles with 10 revisions each and an audit trail, in one transaction of prepared inserts. */
function buildDataSet(sqlite: BetterSqlite3.Database, writers: SessionUser[], pool: PoolBody[]): void {
  const now = Date.now();
  const statuses = ['draft', 'draft', 'draft', 'in_review', 'approved', 'published', 'published', 'published'] as const;
  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, slug, status, version, author_id, last_edited_at, last_edited_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = sqlite.prepare(
    `INSERT INTO revisions (article_id, number, kind, author_id, created_at, headline, standfirst, dateline_place,
       dateline_source, byline, body, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setWorking = sqlite.prepare('UPDATE articles SET working_revision_id = ? WHERE id = ?');
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_log (actor_id, action, target_type, target_id, details, created_at) VALUES (?, 'article.save', 'article', ?, ?, ?)`,
  );

  sqlite.transaction(() => {
    for (let id = 1; id <= ARTICLES; id++) {
      const author = writers[writerIndexOf(id)]!;
      const createdAt = now - 30 * DAY + id * 60_000;
      // Every article the benchmark autosaves is its writer's draft; the rest of the desk is mixed.
      const status = (id - 1) % 10 <= 2 ? 'draft' : statuses[id % statuses.length]!;
      insertArticle.run(id, `draft-bench-${id}`, status, REVISIONS_PER_ARTICLE, author.id, createdAt + DAY, author.id, createdAt);
      let revisionId = 0;
      for (let number = 1; number <= REVISIONS_PER_ARTICLE; number++) {
        const body = pool[(id + number) % pool.length]!;
        const kind = number === 1 ? 'create' : number % 3 === 0 ? 'autosave' : 'save';
        revisionId = Number(
          insertRevision.run(
            id, number, number === REVISIONS_PER_ARTICLE ? 'save' : kind, author.id, createdAt + number * 60_000,
            `Headline of article ${id}`, 'What happened, in two lines.', 'LONDON', 'Dateline', author.name, body.json, body.text,
          ).lastInsertRowid,
        );
      }
      setWorking.run(revisionId, id);
    }
    for (let i = 0; i < AUDIT_ROWS; i++) {
      const articleId = (i % ARTICLES) + 1;
      insertAudit.run(writers[writerIndexOf(articleId)]!.id, String(articleId), JSON.stringify({ revision: 1 + Math.floor(i / ARTICLES), version: 2 }), now - 30 * DAY + i * 20_000);
    }
  })();
  // What a long-running server's file looks like: the WAL folded back into the database.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
