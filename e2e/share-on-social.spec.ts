import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type Page } from '@playwright/test';
import { decodeHTML } from 'entities';
import sharp from 'sharp';
import { draftStory } from './api-fixtures';
import { expectNoViolations } from './axe';
import { newSection } from './filing-fixtures';
import { expect, test } from './newsroom-fixtures';
import { photoFolder, uploadAndUse } from './photos';
import { openForEditing, publishingPanel } from './publishing';

const photo = photoFolder();
const searchSocial = (page: Page) => page.getByRole('region', { name: 'Search and social' });

/**
 * Every `<meta>` in the served page's head: property or name → each content, in order. Asked for as a
 * browser, the first reader: the cached page a link-preview crawler then gets is that same page.
 */
async function headMetaOf(api: APIRequestContext, path: string): Promise<{ meta: Map<string, string[]>; canonical: string | undefined }> {
  const response = await api.get(path, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' } });
  expect(response.status()).toBe(200);
  const head = /<head>([\s\S]*?)<\/head>/.exec(await response.text())?.[1] ?? '';
  const meta = new Map<string, string[]>();
  for (const [tag] of head.matchAll(/<meta\s[^>]*>/g)) {
    const key = /(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const content = /content="([^"]*)"/.exec(tag)?.[1];
    if (key && content !== undefined) meta.set(key, [...(meta.get(key) ?? []), decodeHTML(content)]);
  }
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(head)?.[1];
  return { meta, canonical };
}

test('an editor fills in how a story shows when shared; the published page carries a valid social card', async ({ desk, deskApi, adminApi, reader }) => {
  const tag = `Harbours ${randomUUID().slice(0, 6)}`;
  const section = await newSection(adminApi, 'Coast');
  const headline = `Harbour reopens after the storm ${randomUUID().slice(0, 8)}`;
  const draft = await draftStory(deskApi, { headline, paragraphs: ['Ships moved again on Monday.'], filing: { sectionId: section.id, tags: [tag], authorIds: [] } });
  await openForEditing(desk, draft.url);

  // Nothing yet for a search result or a shared link to show: recommended, not required.
  const recommended = desk.getByRole('region', { name: 'Recommended' });
  await expect(recommended.getByRole('listitem')).toHaveText([/Add a meta description or a standfirst/, /Add a lead photo or a social image/]);
  await expect(desk.getByRole('region', { name: 'Before publishing' }).getByText(/^Ready/)).toBeVisible();

  const panel = searchSocial(desk);
  await panel.getByLabel('SEO title').fill('Harbour reopens after storm');
  await panel.getByLabel('Meta description').fill('Ships are moving again, three days after the storm closed the port.');
  await panel.getByLabel('Title on social cards').fill('The harbour is open again');
  await panel.getByRole('button', { name: 'Choose social image' }).click();
  const file = await photo('harbour-dawn.jpg', { caption: 'Boats leave at dawn', photographer: 'Ann Lee', agency: 'Dateline Pictures', altText: 'Fishing boats leaving a stone quay' }, { width: 900, height: 600 });
  await uploadAndUse(desk, 'Choose the social image', file);
  await expect(panel.getByText('harbour-dawn.jpg · © Dateline Pictures / Ann Lee')).toBeVisible();
  await expectNoViolations(desk, '.search-social');
  await panel.getByRole('button', { name: 'Apply search and social' }).click();
  await expect(panel.getByText('Search and social fields saved.')).toBeVisible();
  await expect(recommended).toHaveCount(0);

  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  const published = desk.getByText(/^Published at \/news\//);
  await expect(published).toBeVisible();
  const path = /\/news\/[a-z0-9-]+/.exec((await published.textContent()) ?? '')?.[0] ?? '';

  const { meta, canonical } = await headMetaOf(reader.request, path);
  const one = (key: string) => meta.get(key)?.[0];
  expect(canonical).toMatch(new RegExp(`^https?://[^/]+${path}$`));
  expect(one('description')).toBe('Ships are moving again, three days after the storm closed the port.');
  expect(one('og:type')).toBe('article');
  expect(one('og:title')).toBe('The harbour is open again');
  expect(one('og:description')).toBe('Ships are moving again, three days after the storm closed the port.');
  expect(one('og:url')).toMatch(new RegExp(`${path}$`));
  expect(one('og:image:width')).toBe('1200');
  expect(one('og:image:height')).toBe('630');
  expect(one('og:image:alt')).toBe('Fishing boats leaving a stone quay. Photo: © Dateline Pictures / Ann Lee');
  expect(Date.parse(one('article:published_time') ?? '')).not.toBeNaN();
  expect(Date.parse(one('article:modified_time') ?? '')).not.toBeNaN();
  expect(one('article:section')).toBe(section.name);
  expect(meta.get('article:tag')).toEqual([tag]);
  expect(one('twitter:card')).toBe('summary_large_image');
  expect(one('twitter:title')).toBe('The harbour is open again');
  expect(one('twitter:image')).toBe(one('og:image'));
  expect(await reader.request.get(path).then((response) => response.text())).toContain('<title>Harbour reopens after storm');

  // The card's picture, as a network fetches it: a JPEG of exactly 1200 × 630.
  const image = await reader.request.get(one('og:image') ?? '');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/jpeg');
  expect(await sharp(await image.body()).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });

  // A change on the live story reaches its page at once, through the public cache and the CDN.
  await panel.getByLabel('Meta description').fill('Ships are moving again.');
  await panel.getByRole('button', { name: 'Apply search and social' }).click();
  await expect(panel.getByText('Search and social fields saved.')).toBeVisible();
  await expect.poll(async () => (await headMetaOf(reader.request, path)).meta.get('og:description')?.[0]).toBe('Ships are moving again.');
});

test('every public page names its canonical address', async ({ reader, deskApi }) => {
  const draft = await draftStory(deskApi, { headline: `Canonical check ${randomUUID().slice(0, 8)}`, paragraphs: ['Checked.'] });
  const story = await deskApi.post(`/api/articles/${draft.id}/workflow`, { data: { action: 'publish', version: draft.version } });
  const { slug } = (await story.json()) as { slug: string };
  for (const path of ['/', '/corrections', `/news/${slug}`, `/news/${slug}/changes`]) {
    expect((await headMetaOf(reader.request, path)).canonical, path).toMatch(new RegExp(`^https?://[^/]+${path === '/' ? '/?' : path}$`));
  }
});
