import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { draftStory, publishedStory, takeStep } from './api-fixtures';
import { newAuthor, newSection, renamedSection } from './filing-fixtures';
import { expect, test } from './newsroom-fixtures';
import { uniqueHeadline } from './publishing';

/**
 * A reader browsing the archive by section, topic and author: the pages list the newest stories
 * first and page back to older ones, each links its feeds, and a renamed section's old address
 * still leads to it.
 */

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

test('a reader opens a section, pages back to its older stories, and finds its feeds', async ({ adminApi, deskApi, reader }) => {
  const section = await newSection(adminApi, 'Harbour', 'The port, the ferries and the fleet.');
  // One more than a page: the oldest is on the second page.
  const stories = [];
  for (let n = 0; n < 21; n++) stories.push(await publishedStory(deskApi, `Harbour story ${n}`, { sectionId: section.id, tags: [], authorIds: [] }));
  const [oldest] = stories;
  const newest = stories.at(-1);

  await reader.goto('/');
  await reader.getByRole('link', { name: section.name }).click();
  await expect(reader.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
  await expect(reader.getByText('The port, the ferries and the fleet.')).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2 }).first()).toHaveText(newest?.headline ?? '');
  await expect(reader.getByRole('listitem').filter({ has: reader.getByRole('heading', { level: 2 }) })).toHaveCount(20);
  await expect(reader.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/section/${section.slug}$`));
  await expect(reader.locator('link[rel="next"]')).toHaveAttribute('href', new RegExp(`/section/${section.slug}/before/${stories[1]?.id}$`));
  await expect(reader.getByRole('link', { name: oldest?.headline })).toHaveCount(0);

  await reader.getByRole('link', { name: 'Older stories' }).click();
  await expect(reader.getByRole('link', { name: oldest?.headline })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2 })).toHaveCount(1);
  await expect(reader.locator('link[rel="prev"]')).toHaveAttribute('href', new RegExp(`/section/${section.slug}$`));
  await expect(reader).toHaveTitle(new RegExp(`${section.name}: older stories`));
  await reader.getByRole('link', { name: 'Newer stories' }).click();
  await expect(reader.getByRole('link', { name: newest?.headline })).toBeVisible();

  // Autodiscovery and the visible links name the same feeds; each is valid XML listing the section's stories.
  const rssHref = await reader.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
  const atomHref = await reader.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  expect(rssHref).toMatch(new RegExp(`/section/${section.slug}/feed\\.xml$`));
  expect(atomHref).toMatch(new RegExp(`/section/${section.slug}/atom\\.xml$`));
  await expect(reader.getByRole('link', { name: 'RSS', exact: true }).first()).toBeVisible();
  const rss = await reader.request.get(`/section/${section.slug}/feed.xml`);
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  const rssText = await rss.text();
  expect(XMLValidator.validate(rssText)).toBe(true);
  const channel = xml.parse(rssText).rss.channel;
  expect(channel.title).toContain(section.name);
  const items = asList<{ title: string; category: { '#text': string } }>(channel.item);
  expect(items.map((item) => item.title)).toEqual(stories.map((story) => story.headline).reverse());
  expect(items[0]?.category['#text']).toBe(section.name);
  const atomText = await (await reader.request.get(`/section/${section.slug}/atom.xml`)).text();
  expect(XMLValidator.validate(atomText)).toBe(true);
  expect(asList(xml.parse(atomText).feed.entry)).toHaveLength(21);
});

test('a reader follows a story’s topic and byline to their pages, and a name with markup stays text', async ({ adminApi, deskApi, reader }) => {
  const author = await newAuthor(adminApi, 'Ines Harbour', 'Ines Harbour covers the docks.');
  const tag = `<script>alert(1)</script> Dock ${Date.now()}`;
  const section = await newSection(adminApi, 'Port');
  const { headline } = uniqueHeadline('Dockers vote');
  const draft = await draftStory(deskApi, { headline, byline: `By ${author.name}`, paragraphs: ['They voted.'], filing: { sectionId: section.id, tags: [tag], authorIds: [author.id] } });
  const story = { headline, slug: (await takeStep(deskApi, draft.id, { action: 'publish', version: draft.version })).slug ?? '' };
  const dialogs: string[] = [];
  reader.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await reader.goto(`/news/${story.slug}`);
  await expect(reader.getByRole('link', { name: section.name })).toBeVisible();
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
  expect(jsonLd).toMatchObject({ articleSection: section.name, keywords: [tag], author: [{ '@type': 'Person', name: author.name }] });
  expect((jsonLd.author as { url: string }[])[0]?.url).toMatch(new RegExp(`/author/${author.slug}$`));

  await reader.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: tag }).click();
  await expect(reader.getByRole('heading', { level: 1, name: tag })).toBeVisible();
  await expect(reader.getByRole('link', { name: story.headline })).toBeVisible();
  const tagFeed = await (await reader.request.get(`${new URL(reader.url()).pathname}/feed.xml`)).text();
  expect(XMLValidator.validate(tagFeed)).toBe(true);
  expect(tagFeed).not.toContain('<script>');

  await reader.goBack();
  // The byline names the credited author; the name is a link to their page.
  await reader.getByRole('link', { name: author.name }).click();
  await expect(reader.getByRole('heading', { level: 1, name: author.name })).toBeVisible();
  await expect(reader.getByText('Ines Harbour covers the docks.')).toBeVisible();
  await expect(reader.getByRole('link', { name: story.headline })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('a renamed section’s old address takes the reader to it under its new name', async ({ adminApi, deskApi, reader }) => {
  const before = await newSection(adminApi, 'Shipping');
  const story = await publishedStory(deskApi, 'Tanker docks', { sectionId: before.id, tags: [], authorIds: [] });
  const after = await renamedSection(adminApi, before, 'Maritime');

  const moved = await reader.request.get(`/section/${before.slug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toMatch(new RegExp(`/section/${after.slug}$`));
  expect((await reader.request.get(`/section/${before.slug}/feed.xml`, { maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/section/${after.slug}/feed\\.xml$`));

  await reader.goto(`/section/${before.slug}`);
  await expect(reader).toHaveURL(new RegExp(`/section/${after.slug}$`));
  await expect(reader.getByRole('heading', { level: 1, name: after.name })).toBeVisible();
  await expect(reader.getByRole('link', { name: story.headline })).toBeVisible();

  expect((await reader.goto('/section/no-such-section'))?.status()).toBe(404);
});
