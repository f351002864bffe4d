/**
 * The Wire at a newsroom's size: 100,000 agency items, about a month of two busy wires. Times what
 * the desk waits for (the queue's first page, and a search of it for a word in many items and for
 * one in a single item, which must look through every item) and what an agency waits for (one more
 * NewsML-G2 item through `ingestWireFile`: parse, checks, one transaction), each first on a wire of
 * 500 items and then on 100,000, so the ratio is the cost of size. The first 500 go in through the
 * real ingest; the rest are written straight into `wire_items` (their versions' JSON, which the
 * queue never reads, is left out) to keep the fill to seconds. A fresh database in a temporary
 * folder; nothing is kept. Run alone: `npm run bench -- wire-queue`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeMs, heading, summarize, verdict } from './support/stats';

const SMALL = 500;
const LARGE = 100_000;
const ITERATIONS = 40;
/** The desk's archive search answers in 20 ms at this size (bench/archive-search.ts); the wire should too. */
const TARGET_SEARCH_P95_MS = 20;
const TARGET_PAGE_P95_MS = 20;
const TARGET_INGEST_P95_MS = 50;

const VOCABULARY = (
  'minister parliament budget talks ceasefire border market shares energy prices storm harbour ' +
  'election court ruling strike union police protest council hospital vaccine drought harvest ' +
  'football final league transfer bank rates inflation exports pipeline summit treaty sanctions'
).split(' ');

/** A word every hundredth item carries, and one only item 77,777 does. */
const COMMON = 'kaliningrad';
const RARE = 'zyzzogeton';

function words(seed: number, count: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(VOCABULARY[x % VOCABULARY.length]!);
  }
  return out.join(' ');
}

function extra(n: number): string {
  return `${n % 100 === 0 ? ` ${COMMON}` : ''}${n === 77_777 ? ` ${RARE}` : ''}`;
}

/** A NewsML-G2 news item shaped like IPTC's LISTING_2: rights, itemMeta, contentMeta, an inline XHTML body of ~400 words. */
function newsItem(n: number): string {
  const paragraphs = Array.from({ length: 8 }, (_, p) => `<p>${words(n * 31 + p, 50)}${p === 0 ? extra(n) : ''}</p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:bench.example:${n}" version="1" standard="NewsML-G2" standardversion="2.24" xml:lang="en">
  <rightsInfo><copyrightHolder><name>Bench Agency</name></copyrightHolder><copyrightNotice>Copyright 2026 Bench Agency</copyrightNotice></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:BENCH"><name>Bench Agency</name></provider><versionCreated>2026-12-01T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><located><name>LONDON</name></located><creator><name>Wire Reporter</name></creator>
    <subject qcode="medtop:04000000"><name>economy, business and finance</name></subject>
    <slugline>BENCH-${n}</slugline><headline>${words(n, 9)}${extra(n)}</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${paragraphs}</body></html></inlineXML></contentSet>
</newsItem>`;
}

function timeEach(run: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function timeEachAsync(run: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function benchWireQueue(): Promise<boolean> {
  heading(`10. The Wire at ${LARGE.toLocaleString('en')} items (queue page, search, ingest of one more)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-wire-'));
  process.env.DATA_DIR = dataDir;
  process.env.DEMO = '0';
  const { env } = await import('@/server/env');
  if (env().dataDir !== dataDir) throw new Error('run this benchmark alone (npm run bench -- wire-queue): another one opened the database first');
  const { getDb, sqliteOf } = await import('@/db/client');
  const { SYSTEM } = await import('@/server/policy');
  const { createUser } = await import('@/server/users/create-user');
  const { createWireSource, authenticateWireSource } = await import('@/server/wire-ingest/wire-sources');
  const { ingestWireFile } = await import('@/server/wire-ingest/ingest-item');
  const { listWireQueue } = await import('@/server/wire-ingest/queries');

  try {
    const admin = await createUser(SYSTEM, { email: 'bench@dateline.example', name: 'Bench Admin', role: 'admin', password: 'bench password 2026' });
    const { token } = createWireSource(admin, { name: 'Bench Agency' });
    const sender = authenticateWireSource(`Bearer ${token}`);
    const noPhotos = async () => null;
    let next = 1;
    for (; next <= SMALL; next++) await ingestWireFile(sender, newsItem(next), noPhotos);

    const measure = async (size: number) => {
      const page = summarize(timeEach(() => listWireQueue(admin, '')));
      const common = summarize(timeEach(() => listWireQueue(admin, `${COMMON} minister`)));
      const rare = summarize(timeEach(() => listWireQueue(admin, RARE)));
      const ingest = summarize(await timeEachAsync(() => ingestWireFile(sender, newsItem(10_000_000 + size + next++), noPhotos)));
      const at = size.toLocaleString('en');
      for (const [label, s] of [
        [`queue page, ${at} items`, page],
        [`search "${COMMON} minister", ${at}`, common],
        [`search "${RARE}" (one item), ${at}`, rare],
        [`ingest one NewsML-G2 item, ${at}`, ingest],
      ] as const) {
        console.log(describeMs(label, s));
      }
      return { page, common, rare, ingest };
    };

    const small = await measure(SMALL);

    // The rest of the month, written straight in: what the queue reads of an item, as ingest writes it.
    const sqlite = sqliteOf(getDb());
    const fillStarted = performance.now();
    const insert = sqlite.prepare(
      `INSERT INTO wire_items (guid, source_id, version, kind, headline, slugline, provider, subjects, pub_status, search_text, first_received_at, received_at)
       VALUES (?, ?, 1, 'text', ?, ?, 'Bench Agency', 'economy, business and finance', 'usable', ?, ?, ?)`,
    );
    const start = Date.UTC(2026, 10, 1);
    sqlite.transaction(() => {
      for (let n = SMALL + 1; n <= LARGE; n++) {
        const headline = `${words(n, 9)}${extra(n)}`;
        const body = Array.from({ length: 8 }, (_, p) => `${words(n * 31 + p, 50)}${p === 0 ? extra(n) : ''}`).join('\n');
        const at = start + n * 26_000;
        insert.run(`urn:newsml:bench.example:${n}`, sender.sourceId, headline, `BENCH-${n}`, [headline, `BENCH-${n}`, 'economy, business and finance', 'Wire Reporter', 'LONDON', body].join('\n'), at, at);
      }
    })();
    sqlite.exec('ANALYZE');
    console.log(`(filled to ${LARGE.toLocaleString('en')} items in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s; database ${(fs.statSync(path.join(dataDir, 'dateline.db')).size / 1e6).toFixed(0)} MB)`);

    const large = await measure(LARGE);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    console.log(
      `cost of size (p95 at ${LARGE.toLocaleString('en')} ÷ at ${SMALL}): page ${ratio(large.page.p95, small.page.p95)}, common search ${ratio(large.common.p95, small.common.p95)}, ` +
        `rare search ${ratio(large.rare.p95, small.rare.p95)}, ingest ${ratio(large.ingest.p95, small.ingest.p95)}`,
    );
    const results = [
      verdict('wire queue page p95 at 100,000 items', large.page.p95, TARGET_PAGE_P95_MS, 'ms'),
      verdict('wire search (common word) p95 at 100,000 items', large.common.p95, TARGET_SEARCH_P95_MS, 'ms'),
      verdict('wire search (one item) p95 at 100,000 items', large.rare.p95, TARGET_SEARCH_P95_MS, 'ms'),
      verdict('ingest of one item p95 at 100,000 items', large.ingest.p95, TARGET_INGEST_P95_MS, 'ms'),
    ];
    return results.every(Boolean);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
