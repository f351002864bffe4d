import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ninjsProblems } from '../tests/ninjs-schema';
import { publishedStory } from './api-fixtures';
import { expectNoViolations } from './axe';
import { newAuthor } from './filing-fixtures';
import { editEntry, endCoverage, type Entry, type LiveStory, pinEntry, postEntry, publishedLiveStory, removeEntry, saveKeyPoints } from './live-fixtures';
import { expect, test } from './newsroom-fixtures';

/**
 * A reader following a live story: the page as loaded (with and without JavaScript), every change
 * the desk makes arriving without a reload, new entries held behind "N new updates" while the reader
 * is in the entries, the end of coverage, and the story's feeds and JSON carrying the entries.
 */

const HOSTILE = '<img src=x onerror="window.hacked=1"></script><script>window.hacked=2</script> & ]]>';
const paragraph = (words: string) => `${words} ${'The crowd outside the port gates grew through the morning as word spread. '.repeat(3)}`;

/** The page's entries, in the order shown, as their ids. */
async function shownEntryIds(page: import('@playwright/test').Page): Promise<number[]> {
  return page.locator('.live-updates article').evaluateAll((entries) => entries.map((entry) => Number(entry.id.replace('entry-', ''))));
}

test('a reader sees each entry, edit, pin, removal and key point arrive without reloading', async ({ deskApi, adminApi, reader }) => {
  const story = await publishedLiveStory(deskApi, 'Port strike live');
  const author = await newAuthor(adminApi, 'Lena Live');
  await saveKeyPoints(deskApi, story, ['Dockers walk out at dawn']);
  const first = await postEntry(deskApi, story, { paragraphs: ['Pickets have formed at the north gate.'], authorIds: [author.id] });

  // A page whose rendering differs between server and browser (a time printed otherwise) says so here.
  const errors: string[] = [];
  reader.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  reader.on('pageerror', (error) => errors.push(error.message));
  await reader.goto(`/news/${story.slug}`);
  await expect(reader.getByText('Live', { exact: true })).toBeVisible();
  await expect(reader.getByRole('region', { name: 'Key points' }).getByRole('listitem')).toHaveText(['Dockers walk out at dawn']);
  const firstEntry = reader.locator(`#entry-${first.id}`);
  await expect(firstEntry).toContainText('Pickets have formed at the north gate.');
  await expect(firstEntry.getByRole('link', { name: author.name })).toHaveAttribute('href', `/author/${author.slug}`);
  await expect(firstEntry.locator('time').first()).toHaveText(/^\d\d:\d\d GMT$/);
  // Marked, to tell a page that kept running from one that was loaded again.
  await reader.evaluate(() => ((window as { stayed?: boolean }).stayed = true));

  // The reader has not scrolled down to the entries: a new one is shown at once, on top.
  const second = await postEntry(deskApi, story, { headline: HOSTILE, paragraphs: [`Ships are turned away. ${HOSTILE}`] });
  await expect(reader.locator(`#entry-${second.id}`).getByRole('heading', { level: 3 })).toHaveText(HOSTILE);
  await expect(reader.locator(`#entry-${second.id}`)).toContainText(`Ships are turned away. ${HOSTILE}`);
  expect(await shownEntryIds(reader)).toEqual([second.id, first.id]);

  const edited = await editEntry(deskApi, story, first, { paragraphs: ['Pickets have formed at the north and south gates.'], authorIds: [author.id] });
  await expect(firstEntry).toContainText('Pickets have formed at the north and south gates.');
  await expect(firstEntry).toContainText(/Updated \d\d:\d\d/);

  await pinEntry(deskApi, story, edited, true);
  await expect(firstEntry.getByText('Pinned', { exact: true })).toBeVisible();
  await expect.poll(() => shownEntryIds(reader)).toEqual([first.id, second.id]);

  await removeEntry(deskApi, story, second);
  await expect(reader.locator(`#entry-${second.id}`)).toHaveCount(0);

  await saveKeyPoints(deskApi, story, ['Dockers walk out at dawn', `Talks called for noon ${HOSTILE}`], ['Dockers walk out at dawn']);
  await expect(reader.getByRole('region', { name: 'Key points' }).getByRole('listitem')).toHaveText(['Dockers walk out at dawn', `Talks called for noon ${HOSTILE}`]);

  expect(await reader.evaluate(() => (window as { stayed?: boolean; hacked?: number }).stayed)).toBe(true);
  expect(await reader.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
  expect(errors).toEqual([]);
  await expectNoViolations(reader);
});

test('new entries wait behind "N new updates" while the reader is in the entries, and a click shows them', async ({ deskApi, reader }) => {
  const story = await publishedLiveStory(deskApi, 'Storm live');
  const posted: Entry[] = [];
  for (const words of ['Winds reach 90 km/h.', 'Trees down on the coast road.', 'Ferries cancelled.', 'Power cut in the old town.', 'Schools to close early.']) {
    posted.push(await postEntry(deskApi, story, { paragraphs: [paragraph(words), paragraph(words)] }));
  }
  await reader.goto(`/news/${story.slug}`);
  // The reader is reading the third newest entry, scrolled past the top of the entries.
  const reading = reader.locator(`#entry-${posted[2]!.id}`);
  await reading.evaluate((entry) => entry.scrollIntoView({ block: 'start' }));
  const readingTop = async () => (await reading.boundingBox())?.y ?? Number.NaN;
  const before = await readingTop();

  const fresh = await postEntry(deskApi, story, { paragraphs: ['Flood warning for the river.'] });
  const bar = reader.getByRole('button', { name: '1 new update' });
  await expect(bar).toBeVisible();
  const newest = await postEntry(deskApi, story, { paragraphs: ['The army is called in.'] });
  await expect(reader.getByRole('button', { name: '2 new updates' })).toBeVisible();
  await expect(reader.getByRole('status').filter({ has: reader.getByRole('button') })).toContainText('2 new updates');
  // Held, not shown: nothing was put above what they read.
  await expect(reader.locator(`#entry-${fresh.id}`)).toHaveCount(0);
  // An edit to an entry far above them changes its length, and still moves nothing they read.
  await editEntry(deskApi, story, posted[4]!, { paragraphs: [paragraph('Schools to close early.'), paragraph('Buses stop at six.'), paragraph('Parents are asked to collect children.')] });
  await expect(reader.locator(`#entry-${posted[4]!.id}`)).toContainText('Parents are asked to collect children.');
  expect(Math.abs((await readingTop()) - before)).toBeLessThanOrEqual(2);
  await expectNoViolations(reader);

  await reader.getByRole('button', { name: '2 new updates' }).click();
  await expect(reader.locator(`#entry-${newest.id}`)).toBeFocused();
  await expect(reader.locator(`#entry-${newest.id}`)).toBeInViewport();
  await expect(reader.getByRole('button', { name: /new update/ })).toHaveCount(0);
  expect((await shownEntryIds(reader)).slice(0, 3)).toEqual([newest.id, fresh.id, posted[4]!.id]);
});

test('with JavaScript off, the live page is complete as loaded', async ({ deskApi, adminApi, browser }) => {
  const story = await publishedLiveStory(deskApi, 'Election night live');
  const author = await newAuthor(adminApi, 'Nina Night');
  await saveKeyPoints(deskApi, story, ['Polls closed at 22:00', HOSTILE]);
  const pinned = await postEntry(deskApi, story, { headline: 'Turnout at a record', paragraphs: ['Turnout passed 70% for the first time.'], authorIds: [author.id] });
  await pinEntry(deskApi, story, pinned, true);
  const latest = await postEntry(deskApi, story, { paragraphs: [`First results are in. ${HOSTILE}`] });

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/news/${story.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.headline);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expect(page.getByText('Fishing resumes after the longest closure in a decade.')).toBeVisible();
  await expect(page.locator('.story > .photo-figure')).toContainText('Dateline Pictures / Ann Lee');
  await expect(page.getByRole('region', { name: 'Key points' }).getByRole('listitem')).toHaveText(['Polls closed at 22:00', HOSTILE]);
  expect(await shownEntryIds(page)).toEqual([pinned.id, latest.id]);
  const first = page.locator(`#entry-${pinned.id}`);
  await expect(first.getByText('Pinned', { exact: true })).toBeVisible();
  await expect(first.getByRole('heading', { level: 3 })).toHaveText('Turnout at a record');
  await expect(first.getByRole('link', { name: author.name })).toBeVisible();
  await expect(first.locator('time[datetime]').first()).toHaveText(/^\d\d:\d\d GMT$/);
  await expect(page.locator(`#entry-${latest.id}`)).toContainText(`First results are in. ${HOSTILE}`);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', new RegExp(`/news/${story.slug}/feed\\.xml$`));
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', new RegExp(`/news/${story.slug}/atom\\.xml$`));
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({ '@type': 'LiveBlogPosting', coverageStartTime: expect.any(String) });
  expect(jsonLd.liveBlogUpdate.map((update: { url: string }) => update.url.split('#')[1])).toEqual([`entry-${pinned.id}`, `entry-${latest.id}`]);
  await context.close();
});

test('ending coverage takes the Live label off for a reader who has the page open', async ({ deskApi, reader }) => {
  const story = await publishedLiveStory(deskApi, 'Summit live');
  await postEntry(deskApi, story, { paragraphs: ['Leaders arrive.'] });
  await reader.goto(`/news/${story.slug}`);
  await expect(reader.getByText('Live', { exact: true })).toBeVisible();

  await endCoverage(deskApi, story);
  await expect(reader.getByText('Live', { exact: true })).toHaveCount(0);
  await expect(reader.getByText('Live coverage ended')).toBeVisible();
  // The page's next reader gets the ended page, with no label.
  await reader.reload();
  await expect(reader.getByText('Live coverage ended')).toBeVisible();
  await expect(reader.getByText('Live', { exact: true })).toHaveCount(0);
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'item' || name === 'entry' });

/** xmllint's complaints about the document (it is as strict as any feed reader): none when it is well-formed. */
function xmllintProblems(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-feed-'));
  try {
    fs.writeFileSync(path.join(dir, 'feed.xml'), text);
    return spawnSync('xmllint', ['--noout', path.join(dir, 'feed.xml')], { encoding: 'utf8' }).stderr.split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the story’s feeds of its entries and its ninjs carry them, cached and purged with each entry', async ({ deskApi, request }) => {
  const story: LiveStory = await publishedLiveStory(deskApi, 'Feeds live');
  const first = await postEntry(deskApi, story, { headline: HOSTILE, paragraphs: [HOSTILE] });

  const rss = await request.get(`/news/${story.slug}/feed.xml`);
  expect(rss.status()).toBe(200);
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  const rssText = await rss.text();
  expect(XMLValidator.validate(rssText)).toBe(true);
  expect(xmllintProblems(rssText)).toEqual([]);
  const items = xml.parse(rssText).rss.channel.item as { title: unknown; link: string }[];
  expect(items.map((item) => item.link)).toEqual([expect.stringMatching(new RegExp(`/news/${story.slug}#entry-${first.id}$`))]);
  expect(JSON.stringify(items[0]?.title)).toContain('</script>');

  const cached = await request.get(`/news/${story.slug}/feed.xml`);
  expect(cached.headers()['x-cache']).toBe('HIT');
  expect(cached.headers()['surrogate-key']?.split(' ')).toContain(`story-${story.id}`);

  // Each entry purges the story's key: the next reader of the feed has it.
  const second = await postEntry(deskApi, story, { paragraphs: ['A second entry for the feeds.'] });
  const atomText = await (await request.get(`/news/${story.slug}/atom.xml`)).text();
  expect(XMLValidator.validate(atomText)).toBe(true);
  expect(xmllintProblems(atomText)).toEqual([]);
  expect((xml.parse(atomText).feed.entry as { id: string }[]).map((entry) => entry.id.split('/').pop())).toEqual([String(second.id), String(first.id)]);
  expect(await (await request.get(`/news/${story.slug}/feed.xml`)).text()).toContain('A second entry for the feeds.');

  const ninjs = await (await request.get(`/api/v1/articles/${story.slug}/ninjs`)).json();
  expect(ninjsProblems(ninjs)).toEqual([]);
  expect(ninjs.associations.filter((association: { type: string }) => association.type === 'text').map((association: { name: string }) => association.name)).toEqual([
    `entry-${second.id}`,
    `entry-${first.id}`,
  ]);

  // An ordinary story has no feed of entries.
  const ordinary = await publishedStory(deskApi, 'Not live');
  expect((await request.get(`/news/${ordinary.slug}/feed.xml`)).status()).toBe(404);
});
