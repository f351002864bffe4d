import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeXML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastModified, publicPath } from '@/lib/public/public-article';
import { makeUser } from '@/tests/factories';
import { SITE } from '@/tests/public-article-fixtures';
import { type ArchiveState, type ArchiveStory, fillSitemapArchive } from '@/tests/sitemap-archive';
import { newsSitemapProblems, schemaProblems, SITEINDEX_XSD, SITEMAP_XSD } from '@/tests/sitemaps-schema';
import { MAX_NEWS_URLS, NEWS_WINDOW_MS, newsSitemap } from './news-sitemap';
import { latestPublicHeadlines } from './queries';
import { SITEMAP_BLOCK } from '@/lib/public/surrogate-keys';
import { childSitemap, sitemapIndex } from './sitemaps';

/** sitemaps.org's limits for one sitemap file. */
const MAX_URLS = 50_000;
const MAX_BYTES = 52_428_800;

const NOW = new Date('2026-03-02T12:00:00.000Z');
const blockOf = (id: number) => Math.floor(id / SITEMAP_BLOCK) + 1;

/**
 * One story in a hundred is still a draft and one in a hundred was withdrawn, except in the second
 * block of ids, which is all live: its child holds exactly the 50,000 URLs a sitemap may.
 */
function stateOf(id: number): ArchiveState {
  if (blockOf(id) === 2) return 'live';
  if (id % 100 === 0) return 'draft';
  return id % 100 === 50 ? 'withdrawn' : 'live';
}

type SitemapUrl = { loc: string; lastmod?: string; changefreq?: string };
type IndexEntry = { loc: string; lastmod?: string };

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

let stories: ArchiveStory[];
let dir: string;

beforeAll(async () => {
  const writer = await makeUser('editor');
  stories = fillSitemapArchive({ published: 120_000, authorId: writer.id, now: NOW, stateOf });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sitemaps-'));
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function written(name: string, xml: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  return file;
}

describe('the sitemaps of a 120,000-story archive', () => {
  // Three documents of up to 9 MB rendered, validated and read back: a few seconds, more on a busy
  // machine, where the default timeout would be too short.
  it('index and children validate, list every live story once in its block, and keep to 50,000 URLs and 50 MB', () => {
    const live = stories.filter((story) => story.state === 'live');
    expect(stories.length - stories.filter((story) => story.state === 'draft').length).toBe(120_000);

    const index = sitemapIndex(SITE);
    expect(schemaProblems(written('sitemap.xml', index), SITEINDEX_XSD)).toEqual([]);
    const entries: IndexEntry[] = parser.parse(index).sitemapindex.sitemap;
    expect(entries.map((entry) => entry.loc)).toEqual([1, 2, 3].map((number) => `${SITE.url}/sitemaps/${number}.xml`));

    const listed: string[] = [];
    const counts: number[] = [];
    entries.forEach((entry, i) => {
      const number = i + 1;
      const xml = childSitemap(number, SITE) ?? '';
      expect(schemaProblems(written(`${number}.xml`, xml), SITEMAP_XSD), `child ${number}`).toEqual([]);
      expect(Buffer.byteLength(xml), `child ${number}`).toBeLessThanOrEqual(MAX_BYTES);

      const urls = urlsOf(xml);
      counts.push(urls.length);
      const inBlock = live.filter((story) => blockOf(story.id) === number);
      expect(urls).toEqual([
        ...(number === 1 ? [{ loc: `${SITE.url}/`, changefreq: 'always' }] : []),
        ...inBlock.map((story) => ({ loc: SITE.url + publicPath(story.slug), lastmod: lastModified(isoDates(story)) })),
      ]);
      // The index's lastmod is the newest change among the child's stories.
      expect(entry.lastmod).toBe(inBlock.map((story) => lastModified(isoDates(story))).sort().at(-1));
      listed.push(...urls.map((url) => url.loc));
    });

    // No child passes the limit, and the all-live second block reaches it.
    expect(Math.max(...counts)).toBe(MAX_URLS);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toHaveLength(1 + live.length);
    const gone = new Set(stories.filter((story) => story.state !== 'live').map((story) => SITE.url + publicPath(story.slug)));
    expect(gone.size).toBeGreaterThan(1_000);
    expect(listed.filter((loc) => gone.has(loc))).toEqual([]);
  }, 60_000);

  it('has no child before the first or past the last', () => {
    expect(childSitemap(0, SITE)).toBeUndefined();
    expect(childSitemap(4, SITE)).toBeUndefined();
  });

  it('lists the newest 1,000 live stories of the last two days in the news sitemap, within the window', async () => {
    const xml = await newsSitemap(latestPublicHeadlines(MAX_NEWS_URLS, new Date(NOW.getTime() - NEWS_WINDOW_MS)), SITE, NOW);
    expect(newsSitemapProblems(written('news-sitemap.xml', xml))).toEqual([]);

    const urls: { loc: string; 'news:news': { 'news:publication_date': string } }[] = parser.parse(xml).urlset.url;
    const newest = stories
      .filter((story) => story.state === 'live')
      .slice(-MAX_NEWS_URLS)
      .reverse();
    expect(urls.map((url) => url.loc)).toEqual(newest.map((story) => SITE.url + publicPath(story.slug)));
    // More than 1,000 live stories went out in the window: the limit, not the window, stopped the list.
    const inWindow = stories.filter((story) => story.state === 'live' && (story.firstPublishedAt?.getTime() ?? 0) > NOW.getTime() - NEWS_WINDOW_MS);
    expect(inWindow.length).toBeGreaterThan(MAX_NEWS_URLS);
    for (const url of urls) expect(Date.parse(url['news:news']['news:publication_date'])).toBeGreaterThan(NOW.getTime() - NEWS_WINDOW_MS);
  });
});

/**
 * A child's URLs with their elements. xmllint has already checked the structure against the schema,
 * so reading the elements out is enough: fast-xml-parser takes over a second per 50,000 URLs.
 */
function urlsOf(xml: string): SitemapUrl[] {
  return [...xml.matchAll(/<url>(.*?)<\/url>/gs)].map(([, url = '']) =>
    Object.fromEntries([...url.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map(([, name, text = '']) => [name, decodeXML(text)])),
  ) as SitemapUrl[];
}

function isoDates(story: ArchiveStory) {
  return { firstPublishedAt: story.firstPublishedAt?.toISOString() ?? '', updatedAt: story.updatedAt?.toISOString() ?? null };
}
