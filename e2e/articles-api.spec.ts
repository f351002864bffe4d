import { expect, type APIRequestContext, test } from '@playwright/test';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

const validBody = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello.' }] }] };

async function newArticle(request: APIRequestContext): Promise<{ id: number; version: number; url: string }> {
  const created = await request.post('/api/articles');
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const url = `/api/articles/${id}`;
  const article = await (await request.get(url)).json();
  return { id, version: article.version, url };
}

const fields = { headline: 'H', standfirst: '', datelinePlace: '', datelineSource: '', byline: 'B', body: validBody };

test('bad input gets a clear error and changes nothing', async ({ request }) => {
  const { url, version } = await newArticle(request);

  const malformed = await request.put(url, { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"headline": ') });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toBe('The request body is not valid JSON.');

  const unknownField = await request.put(url, { data: { ...fields, version, isAdmin: true } });
  expect(unknownField.status()).toBe(400);
  expect((await unknownField.json()).error.message).toContain('Unknown field: isAdmin');

  const badVersion = await request.put(url, { data: { ...fields, version: 'seven' } });
  expect(badVersion.status()).toBe(400);
  expect((await badVersion.json()).error.fields.version).toEqual(['Version must be a whole number']);

  const longHeadline = await request.put(url, { data: { ...fields, version, headline: 'x'.repeat(301) } });
  expect(longHeadline.status()).toBe(400);
  expect((await longHeadline.json()).error.fields.headline).toEqual(['Headline must be at most 300 characters']);

  const script = await request.put(url, {
    data: { ...fields, version, body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } },
  });
  expect(script.status()).toBe(400);
  expect((await script.json()).error.fields.body).toBeDefined();

  const huge = 'x'.repeat(1_100_000);
  const tooLong = await request.put(url, {
    data: { ...fields, version, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: huge }] }] } },
  });
  expect(tooLong.status()).toBe(413);
  expect((await tooLong.json()).error.fields.body[0]).toContain('the limit is 1 MB');

  const unchanged = await (await request.get(url)).json();
  expect(unchanged.version).toBe(version);
  expect(unchanged.revisionNumber).toBe(1);
  expect(unchanged.headline).toBe('');
});

test('an unknown article is 404 and a stale version is 409 with the current state', async ({ request }) => {
  for (const url of ['/api/articles/999999', '/api/articles/abc']) {
    const missing = await request.put(url, { data: { ...fields, version: 1 } });
    expect(missing.status(), url).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
  }

  const { url, version } = await newArticle(request);
  const first = await request.put(url, { data: { ...fields, version, headline: 'First' } });
  expect(first.status()).toBe(200);
  expect((await first.json()).version).toBe(version + 1);

  const stale = await request.put(url, { data: { ...fields, version, headline: 'Second' } });
  expect(stale.status()).toBe(409);
  const conflict = (await stale.json()).error;
  expect(conflict.code).toBe('CONFLICT');
  expect(conflict.current.headline).toBe('First');
  expect(conflict.current.version).toBe(version + 1);
});

test('an editor cannot reach another writer’s draft', async ({ browser }) => {
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const created = await desk.request.post('/api/articles');
  const { id } = (await created.json()) as { id: number };
  await desk.close();

  const editor = await browser.newContext({ storageState: storageStateOf('editor') });
  const read = await editor.request.get(`/api/articles/${id}`);
  expect(read.status()).toBe(404);
  const write = await editor.request.put(`/api/articles/${id}`, { data: { ...fields, version: 1 } });
  expect(write.status()).toBe(404);
  const page = await editor.newPage();
  const response = await page.goto(`/desk/articles/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'That page is not here' })).toBeVisible();
  await editor.close();
});
