import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ninjsProblems } from '../tests/ninjs-schema';
import { storageStateOf } from './people';
import { uniqueHeadline } from './publishing';

test.use({ storageState: storageStateOf('copy_editor') });

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

test('the feeds, the news sitemap and the ninjs API carry a published story with its dates', async ({ page }) => {
  const { headline, slug } = uniqueHeadline('Grain exports resume');
  // The desk's own API, as the editor screen uses it: a draft, its text, then publish and update.
  const { id } = (await (await page.request.post('/api/articles')).json()) as { id: number };
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const fields = { headline, standfirst: 'Ships sailed at dawn.', datelinePlace: 'ODESA', datelineSource: 'Dateline', byline: 'Rita Reporter', leadPhoto: null };
  const save = async (version: number, ...paragraphs: string[]) =>
    (await (await page.request.put(`/api/articles/${id}`, { data: { ...fields, body: { type: 'doc', content: paragraphs.map(paragraph) }, version } })).json()) as {
      version: number;
    };
  const step = async (data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/articles/${id}/workflow`, { data });
    expect(response.status()).toBe(200);
    return (await response.json()) as { version: number; firstPublishedAt: string; updatedAt: string | null };
  };
  let view = await save(1, 'Three ships left port.');
  const published = await step({ action: 'publish', version: view.version });
  view = await save(published.version, 'Three ships left port.', 'A fourth follows on Friday.');
  const updated = await step({ action: 'publish', version: view.version, updateKind: 'update' });
  expect(updated.updatedAt).not.toBeNull();

  const rss = await page.request.get('/feed.xml');
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  const rssText = await rss.text();
  expect(XMLValidator.validate(rssText)).toBe(true);
  const item = asList(xml.parse(rssText).rss.channel.item).find((entry: { title: string }) => entry.title === headline);
  expect(item?.pubDate).toBe(new Date(published.firstPublishedAt).toUTCString());
  expect(item?.link).toMatch(new RegExp(`/news/${slug}$`));

  const atomText = await (await page.request.get('/atom.xml')).text();
  expect(XMLValidator.validate(atomText)).toBe(true);
  const entry = asList(xml.parse(atomText).feed.entry).find((candidate: { link: { '@href': string } | { '@href': string }[] }) =>
    asList(candidate.link).some((link) => link['@href'].endsWith(`/news/${slug}`)),
  );
  expect(entry?.published).toBe(published.firstPublishedAt);
  expect(entry?.updated).toBe(updated.updatedAt);

  const sitemap = xml.parse(await (await page.request.get('/news-sitemap.xml')).text());
  const url = asList(sitemap.urlset.url).find((candidate: { loc: string }) => candidate.loc.endsWith(`/news/${slug}`));
  expect(new Date(url?.['news:news']['news:publication_date']).toISOString()).toBe(published.firstPublishedAt);

  // The sitemap index names its children; one of them lists the story, with its last Update.
  const index = xml.parse(await (await page.request.get('/sitemap.xml')).text());
  const children = await Promise.all(
    asList(index.sitemapindex.sitemap).map(async (child: { loc: string }) => xml.parse(await (await page.request.get(new URL(child.loc).pathname)).text())),
  );
  const listed = children.flatMap((child) => asList(child.urlset.url)).find((candidate: { loc: string }) => candidate.loc.endsWith(`/news/${slug}`));
  expect(listed?.lastmod).toBe(updated.updatedAt);

  const ninjs = await page.request.get(`/api/v1/articles/${slug}/ninjs`);
  expect(ninjs.status()).toBe(200);
  const story = await ninjs.json();
  expect(ninjsProblems(story)).toEqual([]);
  expect(story).toMatchObject({ firstcreated: published.firstPublishedAt, versioncreated: updated.updatedAt, pubstatus: 'usable', located: 'ODESA' });

  await step({ action: 'withdraw', version: (updated as { version: number }).version, note: 'Test of the canceled status' });
  const canceled = await (await page.request.get(`/api/v1/articles/${slug}/ninjs`)).json();
  expect(ninjsProblems(canceled)).toEqual([]);
  expect(canceled.pubstatus).toBe('canceled');
  expect(canceled.bodies).toBeUndefined();
});

test('hostile markup in a story stays text on its page, in its JSON-LD and in the feeds', async ({ page, browser }) => {
  const hostile = `<img src=x onerror="window.hacked=1"></script><script>window.hacked=2</script> ]]> & Co ${uniqueHeadline('x').slug}`;
  const { id } = (await (await page.request.post('/api/articles')).json()) as { id: number };
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${hostile} in the body.` }] }] };
  const saved = await page.request.put(`/api/articles/${id}`, {
    data: { headline: hostile, standfirst: hostile, datelinePlace: '<b>KYIV</b>', datelineSource: hostile, byline: hostile, leadPhoto: null, body, version: 1 },
  });
  const published = await page.request.post(`/api/articles/${id}/workflow`, { data: { action: 'publish', version: (await saved.json()).version } });
  const { slug } = (await published.json()) as { slug: string };

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(hostile);
  await expect(reader.locator('.dateline')).toHaveText(`<b>KYIV</b> (${hostile}) - `);
  expect(await reader.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd.headline).toBe(hostile);

  const rss = await (await page.request.get('/feed.xml')).text();
  expect(XMLValidator.validate(rss)).toBe(true);
  const titles = asList(xml.parse(rss).rss.channel.item).map((item: { title: string }) => item.title);
  expect(titles).toContain(hostile);
  expect(XMLValidator.validate(await (await page.request.get('/atom.xml')).text())).toBe(true);
});
