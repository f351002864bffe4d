import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, getDb, openDatabase, sqliteOf } from '@/db/client';
import { publicChanges } from '@/db/schema';
import { storyKey } from '@/lib/public/surrogate-keys';
import { publishDueArticles } from '@/server/articles/publish-scheduled';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { scheduleArticle } from '@/server/articles/schedule-article';
import { makeUser, writtenStory } from '@/tests/factories';
import { recordPublicChange } from './record-public-change';
import { createPublicCache, type PublicCache } from './serve-from-cache';

/**
 * The cache between real HTTP on loopback: a reader's server whose handler asks the cache first,
 * and an origin standing in for Next that says what it rendered. The whole stack, with Next, runs
 * in e2e/public-cache.spec.ts.
 */
type OriginAnswer = { status?: number; body: string; keys?: string; headers?: Record<string, string> };
let answers: Record<string, OriginAnswer>;
let originHits: string[];
let holdOrigin: Promise<void> | null;

const origin = http.createServer((request, response) => {
  void (async () => {
    originHits.push(request.url ?? '');
    await holdOrigin;
    const answer = answers[request.url ?? ''] ?? { status: 404, body: 'not found' };
    response.writeHead(answer.status ?? 200, {
      'content-type': 'text/html; charset=utf-8',
      ...(answer.keys ? { 'surrogate-key': answer.keys } : {}),
      ...answer.headers,
    });
    response.end(answer.body);
  })();
});

let cache: PublicCache;
const reader = http.createServer((request, response) => {
  void cache.serve(request, response).then((served) => {
    if (!served) response.writeHead(299).end('NEXT');
  });
});
let readerUrl: string;

const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  const originPort = await listen(origin);
  readerUrl = `http://127.0.0.1:${await listen(reader)}`;
  cache = createPublicCache({ origin: `http://127.0.0.1:${originPort}`, maxBytes: 1024 * 1024 });
});

afterAll(() => {
  origin.close();
  reader.close();
});

beforeEach(() => {
  answers = {};
  originHits = [];
  holdOrigin = null;
});

const change = (...keys: string[]) => getDb().transaction((tx) => recordPublicChange(tx, keys));
const get = (path: string, headers: Record<string, string> = {}) => fetch(readerUrl + path, { headers, redirect: 'manual' });
const page = (body: string, keys: string): OriginAnswer => ({ body: `<!doctype html><p>${body}</p><script>self.x=1</script>`, keys });

describe('the public cache', () => {
  it('answers the second reader from memory, compressed in advance, with its validators and keys', async () => {
    answers['/news/storm'] = page('Storm hits the coast', 'story-1 photo-7');
    const first = await get('/news/storm');
    expect(first.headers.get('x-cache')).toBe('MISS');
    const second = await get('/news/storm', { 'accept-encoding': 'gzip, deflate, br' });
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(originHits).toEqual(['/news/storm']);

    // fetch decodes what it is sent; the headers say what came over the wire.
    expect(second.headers.get('content-encoding')).toBe('br');
    expect(await second.text()).toContain('Storm hits the coast');
    expect(second.headers.get('surrogate-key')).toBe('story-1 photo-7');
    expect(second.headers.get('cache-tag')).toBe('story-1,photo-7');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    expect(second.headers.get('vary')).toBe('Accept-Encoding');
    expect(second.headers.get('etag')).toMatch(/^"[\w-]+-br"$/);
    expect(second.headers.get('last-modified')).toBe(first.headers.get('last-modified'));
    expect(second.headers.get('set-cookie')).toBeNull();
    // The cached page's inline script is allowed by its hash, not by the nonce of the request it was rendered for.
    expect(second.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[\w+/=]+';/);
  });

  it('answers 304 to a reader holding the current copy, and the copy to one holding an old one', async () => {
    answers['/feed.xml'] = page('feed', 'feeds story-1');
    const { headers } = await get('/feed.xml', { 'accept-encoding': 'gzip' });
    const etag = headers.get('etag')!;
    expect((await get('/feed.xml', { 'accept-encoding': 'gzip', 'if-none-match': `"old", ${etag}` })).status).toBe(304);
    expect((await get('/feed.xml', { 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await get('/feed.xml', { 'if-modified-since': headers.get('last-modified')! })).status).toBe(304);
    expect((await get('/feed.xml', { 'if-none-match': '"old"' })).status).toBe(200);
    // A huge header is no match, never an error or a poisoned entry.
    const huge = await get('/feed.xml', { 'if-none-match': `"${'x'.repeat(6000)}"` });
    expect(huge.status).toBe(200);
    expect(await huge.text()).toContain('feed');
  });

  it('sends the plain body when the reader names no encoding it knows', async () => {
    answers['/atom.xml'] = page('atom', 'feeds');
    await get('/atom.xml', { 'accept-encoding': 'gzip' });
    const odd = await get('/atom.xml', { 'accept-encoding': 'x-zip-2000;q=1' });
    expect(odd.headers.get('content-encoding')).toBeNull();
    expect(await odd.text()).toContain('atom');
    const gzip = await get('/atom.xml', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toContain('atom');
  });

  it('keys by path: a query string gets the same document, and the origin is asked for the bare path', async () => {
    answers['/news/query'] = page('one story', 'story-2');
    await get('/news/query?utm_source=x');
    const again = await get('/news/query?cachebuster=123&q=<script>');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(originHits).toEqual(['/news/query']);
  });

  it('renders once for a crowd: the readers of a missing copy wait for one fetch', async () => {
    answers['/news/crowd'] = page('breaking', 'story-3');
    let release = () => {};
    holdOrigin = new Promise((resolve) => (release = resolve));
    const crowd = Array.from({ length: 20 }, () => get('/news/crowd'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const responses = await Promise.all(crowd);
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(originHits).toEqual(['/news/crowd']);
  });

  it('drops exactly the responses a committed change names, before the next reader', async () => {
    answers['/news/a'] = page('A v1', 'story-10 photo-1');
    answers['/news/b'] = page('B v1', 'story-11');
    answers['/'] = page('front v1', 'front story-10 story-11');
    for (const path of ['/news/a', '/news/b', '/']) await get(path);
    answers['/news/a'] = page('A v2', 'story-10 photo-1');
    answers['/'] = page('front v2', 'front story-10 story-11');

    change('photo-1');
    expect(await (await get('/news/a')).text()).toContain('A v2');
    expect((await get('/news/b')).headers.get('x-cache')).toBe('HIT');
    expect((await get('/')).headers.get('x-cache')).toBe('HIT');

    change('story-11');
    expect(await (await get('/')).text()).toContain('front v2');
  });

  it('drops what another server process on the same database changed, before its next reader', async () => {
    answers['/news/shared'] = page('shared v1', 'story-70');
    await get('/news/shared');
    answers['/news/shared'] = page('shared v2', 'story-70');
    // Its own connection to the file, as a second process behind the same balancer has.
    const otherProcess = openDatabase(databaseFile());
    try {
      otherProcess.transaction((tx) => recordPublicChange(tx, ['story-70']));
    } finally {
      sqliteOf(otherProcess).close();
    }
    const next = await get('/news/shared');
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(await next.text()).toContain('shared v2');
  });

  it('drops the lists a scheduled story joins when the scheduler publishes it, with no request in sight', async () => {
    const writer = await makeUser('editor', 'Sched Writer');
    const desk = await makeUser('copy_editor', 'Sched Desk');
    const story = writtenStory(writer, 'Polls close at eight');
    const submitted = submitArticle(writer, story.id, { version: story.version });
    const approved = approveArticle(desk, story.id, { version: submitted.version });
    const inAnHour = new Date(Date.now() + 3_600_000);
    scheduleArticle(writer, story.id, { version: approved.version, localTime: inAnHour.toISOString().slice(0, 16), timeZone: 'UTC' });
    answers['/'] = page('front without it', 'front');
    answers['/feed.xml'] = page('feed without it', 'feeds');
    await get('/');
    await get('/feed.xml');

    expect(publishDueArticles(new Date(inAnHour.getTime() + 60_000)).published).toEqual([story.id]);
    answers['/'] = page('front with it', `front ${storyKey(story.id)}`);
    answers['/feed.xml'] = page('feed with it', `feeds ${storyKey(story.id)}`);
    expect(await (await get('/')).text()).toContain('front with it');
    expect(await (await get('/feed.xml')).text()).toContain('feed with it');
  });

  it('does not keep a copy made while a change to what it shows was committing', async () => {
    answers['/news/race'] = page('before the correction', 'story-20');
    let release = () => {};
    holdOrigin = new Promise((resolve) => (release = resolve));
    const during = get('/news/race');
    await new Promise((resolve) => setTimeout(resolve, 50));
    change('story-20');
    release();
    await during;
    holdOrigin = null;
    answers['/news/race'] = page('after the correction', 'story-20');
    const next = await get('/news/race');
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(await next.text()).toContain('after the correction');
  });

  it('starts afresh when changes it never read were pruned (a long pause, a restored database)', async () => {
    answers['/corrections'] = page('corrections v1', 'corrections');
    await get('/corrections');
    change('unrelated');
    getDb().delete(publicChanges).run();
    change('unrelated-too');
    expect((await get('/corrections')).headers.get('x-cache')).toBe('MISS');
  });

  it('keeps only what may be shared: no cookie, no error, only what names its keys', async () => {
    answers['/news/cookie'] = { body: 'x', keys: 'story-30', headers: { 'set-cookie': 'a=b' } };
    answers['/news/nokeys'] = { body: 'x' };
    for (const path of ['/news/cookie', '/news/nokeys', '/news/missing']) {
      expect(await (await get(path)).text()).toBe('NEXT');
      expect(await (await get(path)).text()).toBe('NEXT');
    }
    expect(originHits).toEqual(['/news/cookie', '/news/cookie', '/news/nokeys', '/news/nokeys', '/news/missing', '/news/missing']);
  });

  it('keeps a redirect and a 410 like a page', async () => {
    answers['/news/old'] = { status: 301, body: '', keys: 'story-40', headers: { location: '/news/new' } };
    await get('/news/old');
    const moved = await get('/news/old');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/news/new');
    expect(moved.headers.get('x-cache')).toBe('HIT');
  });

  it('answers HEAD with the headers alone', async () => {
    answers['/news/head'] = page('head', 'story-50');
    const head = await fetch(`${readerUrl}/news/head`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
  });

  it('stays within its bytes, however many documents are asked for', async () => {
    const small = createPublicCache({ origin: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`, maxBytes: 64 * 1024 });
    const server = http.createServer((request, response) => void small.serve(request, response));
    const url = `http://127.0.0.1:${await listen(server)}`;
    for (let i = 0; i < 40; i += 1) {
      answers[`/news/big-${i}`] = { body: `<p>${i}</p>`.padEnd(8_000, ' '), keys: `story-${100 + i}` };
      await fetch(`${url}/news/big-${i}`);
    }
    server.close();
    expect(small.stats().bytes).toBeLessThanOrEqual(64 * 1024);
    expect(small.stats().entries).toBeGreaterThan(0);
    expect(small.stats().entries).toBeLessThan(40);
  });

  it('leaves the reader to Next when a fresh copy cannot be fetched', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    closed.close();
    const orphan = createPublicCache({ origin: `http://127.0.0.1:${port}`, maxBytes: 1024 * 1024 });
    const server = http.createServer((request, response) => {
      void orphan.serve(request, response).then((served) => {
        if (!served) response.writeHead(299).end('NEXT');
      });
    });
    const url = `http://127.0.0.1:${await listen(server)}`;
    const response = await fetch(`${url}/news/unreachable`);
    server.close();
    expect(await response.text()).toBe('NEXT');
  });

  it('leaves sessions, the desk and odd paths to Next', async () => {
    answers['/news/mine'] = page('x', 'story-60');
    expect(await (await get('/news/mine', { cookie: 'authjs.session-token=abc' })).text()).toBe('NEXT');
    expect(await (await get('/news/a%2Fb')).text()).toBe('NEXT');
    expect(await (await get('/desk')).text()).toBe('NEXT');
    expect(originHits).toEqual([]);
  });
});
