import type { APIRequestContext } from '@playwright/test';
import { publishedStory, saveStory, takeStep } from './api-fixtures';
import { newSection } from './filing-fixtures';
import { expect, test } from './newsroom-fixtures';

/**
 * The public cache in front of Next, as readers and the desk meet it: a second reader is served
 * from memory, a correction reaches the very next reader, a signed-in editor is never served or
 * stored by a shared cache, and odd requests neither fail nor poison an entry.
 */

const anonymous = (playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, baseURL: string | undefined) =>
  playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });

test('the second reader of a story is answered from the cache, with the headers a CDN needs', async ({ deskApi, playwright, baseURL }) => {
  const story = await publishedStory(deskApi, 'Cached story');
  const readers = await anonymous(playwright, baseURL);
  const first = await readers.get(`/news/${story.slug}`);
  expect(first.status()).toBe(200);
  const second = await readers.get(`/news/${story.slug}`, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(second.headers()['x-cache']).toBe('HIT');
  expect(second.headers()['content-encoding']).toBe('br');
  expect(second.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
  expect(second.headers()['surrogate-key']?.split(' ')).toContain(`story-${story.id}`);
  expect(second.headers()['etag']).toMatch(/^"[\w-]+"$/);
  expect(second.headers()['last-modified']).toBeTruthy();
  expect(second.headers()['set-cookie']).toBeUndefined();
  expect(await second.text()).toContain(story.headline);

  const again = await readers.get(`/news/${story.slug}`, { headers: { 'accept-encoding': 'br', 'if-none-match': second.headers()['etag']! } });
  expect(again.status()).toBe(304);
  await readers.dispose();
});

test('a correction published at the desk is what the very next reader gets, on the story and its lists', async ({ deskApi, playwright, baseURL }) => {
  const story = await publishedStory(deskApi, 'Council votes 31 to 19');
  const readers = await anonymous(playwright, baseURL);
  for (const path of [`/news/${story.slug}`, '/', '/feed.xml']) {
    await readers.get(path);
    expect((await readers.get(path)).headers()['x-cache']).toBe('HIT');
  }

  const edited = await saveStory(deskApi, story.id, story.version, { headline: `${story.headline} (corrected)`, paragraphs: ['The vote was 30 to 20.'] });
  await takeStep(deskApi, story.id, { action: 'publish', version: edited.version, updateKind: 'correction', correction: 'The vote was 30 to 20, not 31 to 19.' });

  // No waiting: the change has committed, so no reader may get the old text.
  expect(await (await readers.get(`/news/${story.slug}`)).text()).toContain('The vote was 30 to 20, not 31 to 19.');
  expect(await (await readers.get('/')).text()).toContain(`${story.headline} (corrected)`);
  expect(await (await readers.get('/feed.xml')).text()).toContain(`${story.headline} (corrected)`);
  expect(await (await readers.get('/corrections')).text()).toContain('The vote was 30 to 20, not 31 to 19.');
  await readers.dispose();
});

test('a new story in a section reaches the section page’s very next reader', async ({ adminApi, deskApi, playwright, baseURL }) => {
  const section = await newSection(adminApi, 'Weather');
  const first = await publishedStory(deskApi, 'Storm warning', { sectionId: section.id, tags: [], authorIds: [] });
  const readers = await anonymous(playwright, baseURL);
  for (const path of [`/section/${section.slug}`, `/section/${section.slug}/feed.xml`]) {
    await readers.get(path);
    const cached = await readers.get(path);
    expect(cached.headers()['x-cache']).toBe('HIT');
    expect(cached.headers()['surrogate-key']?.split(' ')).toEqual(expect.arrayContaining([`section-${section.id}`, `story-${first.id}`]));
  }

  const next = await publishedStory(deskApi, 'Storm passes', { sectionId: section.id, tags: [], authorIds: [] });
  expect(await (await readers.get(`/section/${section.slug}`)).text()).toContain(next.headline);
  expect(await (await readers.get(`/section/${section.slug}/feed.xml`)).text()).toContain(next.headline);
  await readers.dispose();
});

test('a withdrawn story answers 410 to the next reader, and its old copy is gone from the front page', async ({ deskApi, playwright, baseURL }) => {
  const story = await publishedStory(deskApi, 'Unverified report');
  const readers = await anonymous(playwright, baseURL);
  await readers.get(`/news/${story.slug}`);
  await readers.get('/');
  await takeStep(deskApi, story.id, { action: 'withdraw', version: story.version, note: 'The report could not be verified.' });
  const gone = await readers.get(`/news/${story.slug}`);
  expect(gone.status()).toBe(410);
  expect(await (await readers.get('/')).text()).not.toContain(story.headline);
  await readers.dispose();
});

test('a signed-in editor reading the public site goes past the cache, and nothing they get may be kept', async ({ deskApi, desk }) => {
  const story = await publishedStory(deskApi, 'Editor reads the site');
  for (let i = 0; i < 2; i += 1) {
    const response = await desk.goto(`/news/${story.slug}`);
    expect(response?.headers()['x-cache']).toBeUndefined();
    expect(response?.headers()['cache-control']).toBe('private, no-store');
  }
  await expect(desk.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
  const write = await deskApi.post(`/api/articles/${story.id}/lock`, { data: {} });
  expect(write.headers()['cache-control']).toBe('private, no-store');
});

test('a reader’s browser runs the cached page: its scripts pass the policy and links navigate', async ({ deskApi, reader }) => {
  const story = await publishedStory(deskApi, 'Browser reads a cached page');
  const refused: string[] = [];
  reader.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await reader.request.get(`/news/${story.slug}`);
  const response = await reader.goto(`/news/${story.slug}`);
  expect(response?.headers()['x-cache']).toBe('HIT');
  await expect(reader.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
  await reader.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Latest' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  await expect(reader.getByRole('link', { name: story.headline })).toBeVisible();
  expect(refused).toEqual([]);
});

test('a reader going from the front page to a story and back asks only for documents the cache answers', async ({ deskApi, reader }) => {
  const story = await publishedStory(deskApi, 'Readers step from page to page');
  // The router's payloads (a click's or a prefetch's) would reach Next, rendered for each reader.
  const routerPayloads: string[] = [];
  reader.on('request', (request) => {
    if (request.headers()['rsc']) routerPayloads.push(request.url());
  });
  const documentAt = (pathname: string) => reader.waitForResponse((response) => response.request().isNavigationRequest() && new URL(response.url()).pathname === pathname);

  await reader.goto('/');
  const toStory = documentAt(`/news/${story.slug}`);
  await reader.getByRole('link', { name: story.headline }).click();
  expect((await toStory).headers()['x-cache']).toMatch(/^(HIT|MISS)$/);
  await expect(reader.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();

  const backHome = documentAt('/');
  await reader.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Latest' }).click();
  expect((await backHome).headers()['x-cache']).toMatch(/^(HIT|MISS)$/);
  await expect(reader.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  expect(routerPayloads).toEqual([]);
});

test('odd requests get the right answer and never a poisoned entry', async ({ deskApi, playwright, baseURL }) => {
  const story = await publishedStory(deskApi, 'Odd requests');
  const readers = await anonymous(playwright, baseURL);
  const path = `/news/${story.slug}`;

  // A query string gets the same document; what it carries never reaches the page.
  const withQuery = await readers.get(`${path}?utm_source=x&q=%3Cscript%3Ealert(1)%3C/script%3E`);
  expect(withQuery.status()).toBe(200);
  expect(await withQuery.text()).not.toContain('<script>alert(1)</script>');
  expect((await readers.get(path)).headers()['x-cache']).toBe('HIT');

  // An encoding nobody knows: the plain body.
  const unknown = await readers.get(path, { headers: { 'accept-encoding': 'x-snappy-9000' } });
  expect(unknown.headers()['content-encoding']).toBeUndefined();
  expect(await unknown.text()).toContain(story.headline);

  // A huge If-None-Match: the page, not an error.
  const huge = await readers.get(path, { headers: { 'if-none-match': `"${'a'.repeat(6000)}"` } });
  expect(huge.status()).toBe(200);

  // An encoded slash is Next's to answer, and answering it stores nothing under the story's key.
  const encoded = await readers.get(`/news/${story.slug}%2F..%2Fdesk`);
  expect(encoded.status()).toBe(404);
  const after = await readers.get(path);
  expect(after.status()).toBe(200);
  expect(await after.text()).toContain(story.headline);
  await readers.dispose();
});
