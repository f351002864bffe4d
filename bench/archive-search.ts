/**
 * The archive at a newsroom's size: desk search and the desk list, the cost the search index adds
 * to an autosave, and the time to build the index for an existing archive (what migration 0007
 * does). On the archive BENCH_ARCHIVE_DIR names (`npm run archive:fill -- --articles 100000
 * --data-dir DIR`), opened in place and left as it was: every write below is rolled back. Without
 * it, a 5,000-story archive is filled in a temporary directory, and the figures say so.
 * Run: `npm run bench -- archive-search`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleSearchQuery } from '@/lib/validation/article-search';
import { setEnv } from './support/bench-env';
import { describeMs, heading, ms, summarize, verdict } from './support/stats';

const SMALL_ARCHIVE = 5_000;
/** Each query class cycles through this many different queries, so no one plan or page stays hot. */
const VARIANTS = 10;
const RUNS = 300;
const WARMUP = 30;
const AUTOSAVES = 300;
const TARGET_SEARCH_P95_MS = 20;
const TARGET_AUTOSAVE_P95_MS = 5;

export async function benchArchiveSearch(): Promise<boolean> {
  heading('7. The archive: desk search, the desk list, autosave with the search index, building the index');
  const given = process.env.BENCH_ARCHIVE_DIR;
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-archive-'));
  // The app reads its environment once, on first use: set it before importing anything that does.
  setEnv({ DATA_DIR: path.resolve(dataDir), DEMO: '0', ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  try {
    if (!given) {
      console.log(`-- BENCH_ARCHIVE_DIR not set: filling ${SMALL_ARCHIVE.toLocaleString('en')} stories in ${dataDir}; the targets are for 100,000`);
      const { fillArchive } = await import('./support/synthetic-archive');
      await fillArchive({ articles: SMALL_ARCHIVE, seed: 16, photos: 4 });
    }
    return await measure();
  } finally {
    const { checkpointAndClose } = await import('@/db/client');
    checkpointAndClose();
    if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(): Promise<boolean> {
  const [{ getDb, sqliteOf }, { searchArticles }, { saveArticle }] = await Promise.all([
    import('@/db/client'),
    import('@/server/search/search-articles'),
    import('@/server/articles/save-article'),
  ]);
  const sqlite = sqliteOf(getDb());
  const count = (query: string) => (sqlite.prepare(query).pluck().get() as number) ?? 0;
  console.log(
    `archive: ${count('SELECT count(*) FROM articles').toLocaleString('en')} articles, ${count('SELECT count(*) FROM revisions').toLocaleString('en')} revisions, ` +
      `${count('SELECT count(*) FROM sections')} sections, ${count('SELECT count(*) FROM tags')} tags, ${count('SELECT count(*) FROM authors')} authors`,
  );

  const desk = sqlite.prepare("SELECT id, email, name, role FROM users WHERE role = 'copy_editor' ORDER BY id LIMIT 1").get() as SessionUser;
  const writer = sqlite.prepare("SELECT id, email, name, role FROM users WHERE role = 'editor' ORDER BY id LIMIT 1").get() as SessionUser;
  const queries = queryClasses(sqlite);

  const results: boolean[] = [];
  for (const [label, variants, user] of [
    ['unfiltered desk list (newest edits first)', [{}], desk],
    ['common word, as typed (last word a prefix)', queries.common, desk],
    ['common word, finished (a space after it)', queries.finished, desk],
    ['common word, as a writer (own drafts + submitted)', queries.common, writer],
    ['rare word', queries.rare, desk],
    ['phrase', queries.phrases, desk],
    ['three letters of a common word', queries.prefixes, desk],
    ['word + section + published date range', queries.filtered, desk],
    ['common word, sorted by last edit', queries.finished.map((query) => ({ ...query, sort: 'updated' as const })), desk],
  ] as const) {
    const times = timeQueries(variants as ArticleSearchQuery[], (query) => searchArticles(user, query).items.length);
    console.log(describeMs(label, times.summary));
    if (times.empty > 0) console.log(`  (${times.empty} of ${times.runs} runs found nothing)`);
    results.push(verdict(`${label} p95`, times.summary.p95, TARGET_SEARCH_P95_MS, 'ms'));
  }

  await benchPublicLists(sqlite);
  results.push(benchAutosaveWithIndex(sqlite, desk, saveArticle));
  benchIndexBuild(sqlite);
  return results.every(Boolean);
}

type Queries = Record<'common' | 'finished' | 'rare' | 'phrases' | 'prefixes' | 'filtered', ArticleSearchQuery[]>;

/** Real words of this archive from the index's own vocabulary, so each class is what it says. */
function queryClasses(sqlite: BetterSqlite3.Database): Queries {
  sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_search_terms USING fts5vocab(main, article_search, row)');
  const articles = sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const words = (min: number, max: number, glob: string) =>
    sqlite
      .prepare('SELECT term FROM temp.article_search_terms WHERE doc BETWEEN ? AND ? AND term GLOB ? ORDER BY doc DESC LIMIT ?')
      .pluck()
      .all(min, max, glob, VARIANTS) as string[];
  const common = words(articles * 0.2, articles, '[a-z][a-z][a-z][a-z]*');
  // The synthetic bodies reuse a pool of copy, so no word of theirs is rare; a story's own number
  // in its headline is, like a place name or a surname in a real archive.
  const rare = words(1, 20, '[a-z0-9][a-z0-9][a-z0-9]*');
  // Two neighbouring words of a story's body: a phrase a reporter remembers.
  const phrases = (sqlite.prepare('SELECT body FROM article_search WHERE rowid % 997 = 0 LIMIT ?').pluck().all(VARIANTS) as string[]).map((body) => {
    const tokens = body.split(/\s+/).filter((token) => /^[a-z]{4,}$/i.test(token));
    const at = Math.floor(tokens.length / 2);
    return `"${tokens[at]} ${tokens[at + 1]}"`;
  });
  const sections = sqlite.prepare('SELECT slug FROM sections ORDER BY position').pluck().all() as string[];
  const yearAgo = new Date(Date.now() - 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return {
    // As the box sends it once typing stops: the last word is still a prefix ("council" finds "councils").
    common: common.map((q) => ({ q })),
    finished: common.map((q) => ({ q: `${q} ` })),
    rare: rare.map((q) => ({ q })),
    phrases: phrases.map((q) => ({ q })),
    prefixes: common.map((word) => ({ q: word.slice(0, 3) })),
    filtered: common.map((q, i) => ({ q, section: sections[i % sections.length], dates: 'published' as const, from: yearAgo })),
  };
}

function timeQueries(variants: readonly ArticleSearchQuery[], run: (query: ArticleSearchQuery) => number) {
  for (let i = 0; i < WARMUP; i++) run(variants[i % variants.length]!);
  const samples: number[] = [];
  let empty = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const found = run(variants[i % variants.length]!);
    samples.push(performance.now() - t0);
    if (found === 0) empty++;
  }
  return { summary: summarize(samples), empty, runs: RUNS };
}

/**
 * The readers' side of filing, as the server reads it on a cache miss: a list's first page and a
 * page deep in it, and its feed, for a section, the commonest tag, a rare tag and an author. No
 * target of its own: these are cached public responses (bench public-site measures those).
 */
async function benchPublicLists(sqlite: BetterSqlite3.Database): Promise<void> {
  const [{ publicListPage }, { latestPublicArticles, FEED_SIZE }] = await Promise.all([import('@/server/public/list-queries'), import('@/server/public/queries')]);
  const one = (query: string) => sqlite.prepare(query).pluck().get() as number;
  const lists = [
    ['section', { kind: 'section' as const, id: one('SELECT section_id FROM articles WHERE section_id IS NOT NULL GROUP BY section_id ORDER BY count(*) DESC LIMIT 1') }],
    ['commonest tag', { kind: 'tag' as const, id: one('SELECT tag_id FROM article_tags GROUP BY tag_id ORDER BY count(*) DESC LIMIT 1') }],
    ['a rare tag', { kind: 'tag' as const, id: one('SELECT tag_id FROM article_tags GROUP BY tag_id ORDER BY count(*) ASC LIMIT 1') }],
    ['author', { kind: 'author' as const, id: one('SELECT author_id FROM article_authors GROUP BY author_id ORDER BY count(*) DESC LIMIT 1') }],
  ] as const;
  for (const [label, list] of lists) {
    // A page deep in the list: follow "Older" links a hundred pages down, or to the last.
    let page = publicListPage(list);
    let deepCursor: number | undefined;
    for (let n = 0; n < 100 && page?.older; n++) {
      deepCursor = page.older;
      page = publicListPage(list, deepCursor);
    }
    const times = (run: () => unknown) => {
      for (let i = 0; i < WARMUP; i++) run();
      const samples: number[] = [];
      for (let i = 0; i < RUNS / 3; i++) {
        const t0 = performance.now();
        run();
        samples.push(performance.now() - t0);
      }
      return summarize(samples);
    };
    console.log(describeMs(`${label}: first page of 20`, times(() => publicListPage(list))));
    if (deepCursor !== undefined) console.log(describeMs(`${label}: a page far down (via its Older links)`, times(() => publicListPage(list, deepCursor))));
    console.log(describeMs(`${label}: its feed (${FEED_SIZE} whole stories)`, times(() => latestPublicArticles(FEED_SIZE, list))));
  }
}

/**
 * Autosaves by the copy desk on stories across the archive, each re-deriving the story's search
 * row in its transaction, against the re-derivation alone; all inside one transaction rolled back.
 */
function benchAutosaveWithIndex(
  sqlite: BetterSqlite3.Database,
  desk: SessionUser,
  saveArticle: typeof import('@/server/articles/save-article').saveArticle,
): boolean {
  const ids = sqlite.prepare('SELECT id FROM articles WHERE id % 211 = 0 AND withdrawn_at IS NULL LIMIT ?').pluck().all(AUTOSAVES) as number[];
  const load = sqlite.prepare('SELECT a.version, r.headline, r.standfirst, r.dateline_place, r.dateline_source, r.byline, r.body FROM articles a JOIN revisions r ON r.id = a.working_revision_id WHERE a.id = ?');
  const reindex = sqlite.prepare('INSERT INTO article_search_reindex (article_id) VALUES (?)');
  const saves: number[] = [];
  const reindexes: number[] = [];
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (const [i, id] of ids.entries()) {
      const row = load.get(id) as { version: number; headline: string; standfirst: string; dateline_place: string; dateline_source: string; byline: string; body: string };
      const body = JSON.parse(row.body) as { type: 'doc'; content: unknown[] };
      body.content.push({ type: 'paragraph', content: [{ type: 'text', text: `A line typed in autosave ${i}.` }] });
      const input = {
        headline: row.headline,
        standfirst: row.standfirst,
        datelinePlace: row.dateline_place,
        datelineSource: row.dateline_source,
        byline: row.byline,
        leadPhoto: null,
        body: body as never,
        version: row.version,
        mode: 'autosave' as const,
      };
      const t0 = performance.now();
      saveArticle(desk, id, input);
      saves.push(performance.now() - t0);
      const t1 = performance.now();
      reindex.run(id);
      reindexes.push(performance.now() - t1);
    }
  } finally {
    sqlite.exec('ROLLBACK');
  }
  const all = summarize(saves);
  const index = summarize(reindexes);
  console.log(describeMs('autosave (saveArticle, with its search row)', all));
  console.log(describeMs('  of which: re-deriving the search row alone', index));
  console.log(`share of an autosave's p50 spent on the search row: ${((index.p50 / all.p50) * 100).toFixed(0)}%`);
  return verdict('autosave p95 with the search index', all.p95, TARGET_AUTOSAVE_P95_MS, 'ms');
}

/** The migration's last step on this archive, in a transaction rolled back. */
function benchIndexBuild(sqlite: BetterSqlite3.Database): void {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite.exec('DELETE FROM article_search; DELETE FROM article_photos');
    const t0 = performance.now();
    sqlite.exec('INSERT INTO article_search_reindex (article_id) SELECT id FROM articles WHERE working_revision_id IS NOT NULL');
    const seconds = (performance.now() - t0) / 1000;
    const rows = sqlite.prepare('SELECT count(*) FROM article_search').pluck().get() as number;
    console.log(`building the search index for ${rows.toLocaleString('en')} articles (migration 0007's last step): ${seconds.toFixed(1)} s, ${ms((seconds * 1000) / rows, 3)} an article`);
  } finally {
    sqlite.exec('ROLLBACK');
  }
}
