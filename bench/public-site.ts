/**
 * The public site under a readers' spike: every public response (story, front page, feeds,
 * sitemaps, ninjs, corrections) requested by autocannon over 32 connections as browsers ask
 * (`accept-encoding: gzip, deflate, br`), then the front page's cache miss (a change naming it is
 * written to the database, as any server process would, and the next request renders it afresh),
 * then a static file of the same server (the stylesheet the story page links, from `.next/static`,
 * served by Next) twice, in the same run, as the baseline of each ratio. Server memory (RSS) is
 * sampled throughout; its target is judged on the readers' load, and the peak while Next serves the
 * file is printed beside it. At the demo's size, and with an archive when BENCH_ARCHIVE_DIR names a
 * data directory filled by `npm run archive:fill` (it is served in place and left as it was, bar
 * the change log). Needs `npm run build`. Run: `npm run bench -- public-site`.
 */
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { assertBuilt, type RunningApp, startApp } from './support/app-server';
import { residentMb } from './support/process-memory';
import { heading, kB, ms, summarize, verdict, verdictAtLeast } from './support/stats';

const CONNECTIONS = 32;
const RUN_SECONDS = 5;
const WARMUP_SECONDS = 1;
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const MISSES = 20;
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 30;
const TARGET_MISS_MS = 20;
const TARGET_RSS_MB = 300;

type Probe = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
type Measured = { path: string; rate: number; p99: number; bytes: number; encoding: string; cache: string };

export async function benchPublicSite(): Promise<boolean> {
  heading(`6. The public site vs a static file of the same server (autocannon, ${CONNECTIONS} connections, as browsers ask)`);
  console.log(`build: ${assertBuilt()}`);
  let ok = await measureSize('demo newsroom (DEMO=1)', await startApp({ DEMO: '1' }), false);
  const archive = process.env.BENCH_ARCHIVE_DIR;
  if (archive) {
    const stories = countStories(archive);
    ok = (await measureSize(`archive of ${stories.toLocaleString('en')} stories (${archive})`, await startApp({}, { dataDir: archive }), true)) && ok;
  } else {
    console.log('-- archive size skipped: set BENCH_ARCHIVE_DIR to a data directory filled by `npm run archive:fill -- --articles 100000 --data-dir DIR`');
  }
  return ok;
}

function countStories(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'dateline.db'), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from articles where live_revision_id is not null and withdrawn_at is null').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function measureSize(label: string, app: RunningApp, judgeMiss: boolean): Promise<boolean> {
  const rss = sampleRss(app.pid);
  try {
    console.log(`-- ${label}`);
    const front = await probe(app, '/', BROWSER);
    const storyPath = /href="(\/news\/[a-z0-9-]+)"/.exec(front.body.toString())?.[1] ?? (await firstStoryInFeed(app));
    const story = await probe(app, storyPath, {});
    const stylesheet = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(story.body.toString())?.[1];
    if (!stylesheet) throw new Error(`${storyPath} links no stylesheet to compare with`);
    const slug = storyPath.split('/').pop();
    const paths = [storyPath, '/', '/feed.xml', '/atom.xml', '/sitemap.xml', '/news-sitemap.xml', `/api/v1/articles/${slug}/ninjs`, '/corrections'];

    // The readers' load first, so the memory it needs is measured before Next's own file serving
    // (gzip per request) has grown the process; then the static file twice, back to back.
    const measured = [];
    for (const target of paths) measured.push(await measure(app, target));
    const misses = await frontPageMisses(app);
    rss.phase('static');
    const staticBefore = await measure(app, stylesheet);
    const staticAfter = await measure(app, stylesheet);
    const staticRate = (staticBefore.rate + staticAfter.rate) / 2;

    console.log(`   static file ${stylesheet}: ${staticBefore.rate.toFixed(0)} and ${staticAfter.rate.toFixed(0)} req/s (two runs), p99 ${ms(staticBefore.p99, 0)} / ${ms(staticAfter.p99, 0)}; ${kB(staticBefore.bytes)} as sent (${staticBefore.encoding})`);
    let ok = true;
    for (const run of measured) {
      const ratio = run.rate / staticRate;
      console.log(
        `   ${run.path.padEnd(58)} ${run.rate.toFixed(0).padStart(6)} req/s = ${ratio.toFixed(2)}× static, p99 ${ms(run.p99, 0).padStart(6)}, ${kB(run.bytes)} ${run.encoding}, cache ${run.cache}`,
      );
      ok = verdictAtLeast(`${run.path} / static file`, ratio, TARGET_RATIO, '×') && ok;
      if (run.path === storyPath || run.path === '/') ok = verdict(`${run.path} p99`, run.p99, TARGET_P99_MS, 'ms') && ok;
    }

    const summary = summarize(misses);
    console.log(`   front page cache miss (a change naming it, then one request), ${MISSES} times: p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, max ${ms(summary.max)}`);
    if (judgeMiss) ok = verdict('front page cache miss p50', summary.p50, TARGET_MISS_MS, 'ms') && ok;

    const peaks = rss.stop();
    console.log(
      `   server RSS: peak ${peaks.public.toFixed(0)} MB serving the public responses and their misses; ${peaks.static.toFixed(0)} MB at most while Next served the static file (its own path, gzipped per request)`,
    );
    return verdict('server RSS under the readers’ load', peaks.public, TARGET_RSS_MB, 'MB') && ok;
  } finally {
    rss.stop();
    await app.stop();
  }
}

async function firstStoryInFeed(app: RunningApp): Promise<string> {
  const feed = (await probe(app, '/feed.xml', {})).body.toString();
  const link = /<link>https?:\/\/[^/]+(\/news\/[a-z0-9-]+)<\/link>/.exec(feed)?.[1];
  if (!link) throw new Error('no story on the front page or in the feed: nothing to measure');
  return link;
}

/** One GET with exactly these headers (fetch would add its own accept-encoding and decompress). */
function probe(app: RunningApp, target: string, headers: Record<string, string>): Promise<Probe> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.baseUrl}${target}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function measure(app: RunningApp, target: string): Promise<Measured> {
  const url = `${app.baseUrl}${target}`;
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers: BROWSER });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: RUN_SECONDS, headers: BROWSER });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${target}: ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
  const sample = await probe(app, target, BROWSER);
  return {
    path: target,
    rate: result.requests.average,
    p99: result.latency.p99,
    bytes: sample.body.length,
    encoding: String(sample.headers['content-encoding'] ?? 'identity'),
    cache: String(sample.headers['x-cache'] ?? '—'),
  };
}

/** Each: a change naming the front page, committed by another connection (as a second server process would), then one request. */
async function frontPageMisses(app: RunningApp): Promise<number[]> {
  const db = new Database(path.join(app.dataDir, 'dateline.db'));
  db.pragma('busy_timeout = 5000');
  const change = db.prepare("insert into public_changes (keys, created_at) values ('front', ?)");
  try {
    const times: number[] = [];
    for (let i = 0; i < MISSES; i += 1) {
      change.run(Date.now());
      const started = performance.now();
      const page = await probe(app, '/', BROWSER);
      times.push(performance.now() - started);
      if (page.headers['x-cache'] !== 'MISS') throw new Error(`the front page after a change was ${String(page.headers['x-cache'])}, not a MISS`);
    }
    return times;
  } finally {
    db.close();
  }
}

/**
 * The server's resident memory, sampled every 200 ms, in MB, the peak kept per phase: the target
 * is about readers' requests, and the static baseline runs through Next's own file serving.
 */
function sampleRss(pid: number): { phase: (name: 'static') => void; stop: () => Record<'static' | 'public', number> } {
  const peaks = { static: 0, public: 0 };
  let current: keyof typeof peaks = 'public';
  const read = () => {
    peaks[current] = Math.max(peaks[current], residentMb(pid));
  };
  read();
  const timer = setInterval(read, 200);
  return {
    phase: (name) => {
      read();
      current = name;
    },
    stop: () => {
      clearInterval(timer);
      return peaks;
    },
  };
}
