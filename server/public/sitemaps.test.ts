import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, sqliteOf } from '@/db/client';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { SITE } from '@/tests/public-article-fixtures';
import { schemaProblems, SITEINDEX_XSD, SITEMAP_XSD } from '@/tests/sitemaps-schema';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { saveArticle } from '@/server/articles/save-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { editEntry } from '@/server/live-coverage/edit-entry';
import { postEntry } from '@/server/live-coverage/post-entry';
import { removeEntry } from '@/server/live-coverage/remove-entry';
import { entryFields, publishedLiveStory } from '@/tests/live-fixtures';
import { childSitemap, sitemapIndex } from './sitemaps';

const T0 = new Date('2026-01-10T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

let writer: SessionUser;
let desk: SessionUser;
let dir: string;

beforeAll(async () => {
  [writer, desk] = await Promise.all([makeUser('editor'), makeUser('copy_editor')]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sitemaps-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The index's children as `number → lastmod`, after checking the index against its schema. */
function indexed(): Record<number, string | undefined> {
  const xml = sitemapIndex(SITE);
  const file = path.join(dir, 'sitemap.xml');
  fs.writeFileSync(file, xml);
  expect(schemaProblems(file, SITEINDEX_XSD)).toEqual([]);
  const entries: { loc: string; lastmod?: string }[] = parser.parse(xml).sitemapindex.sitemap;
  return Object.fromEntries(entries.map((entry) => [Number(/\/sitemaps\/(\d+)\.xml$/.exec(entry.loc)?.[1]), entry.lastmod]));
}

/** A child's URLs, after checking it against the schema; undefined when there is no such child. */
function child(number: number): { loc: string; lastmod?: string; changefreq?: string }[] | undefined {
  const xml = childSitemap(number, SITE);
  if (xml === undefined) return undefined;
  const file = path.join(dir, `${number}.xml`);
  fs.writeFileSync(file, xml);
  expect(schemaProblems(file, SITEMAP_XSD)).toEqual([]);
  return parser.parse(xml).urlset.url;
}

/** Written, reviewed and published by the desk at `minutes`: the story's id and the version to act on. */
function published(headline: string, minutes: number): { id: number; version: number } {
  const { id, version } = writtenStory(writer, headline, at(minutes - 3));
  const submitted = submitArticle(writer, id, { version }, at(minutes - 2));
  const approved = approveArticle(desk, id, { version: submitted.version }, at(minutes - 1));
  return { id, version: publishArticle(desk, id, { version: approved.version }, at(minutes)).version };
}

const FRONT_PAGE = { loc: `${SITE.url}/`, changefreq: 'always' };

describe('the sitemap index and its children', () => {
  it('lists the first child before any story is live, holding the front page alone', () => {
    expect(indexed()).toEqual({ 1: undefined });
    expect(child(1)).toEqual([FRONT_PAGE]);
    expect(child(2)).toBeUndefined();
  });

  it('lists live stories in id order, each with its last change in substance; drafts and withdrawn stories are left out', () => {
    const strike = published('Dockers strike at dawn', 0);
    const talks = published('Talks resume', 10);
    const edited = saveArticle(desk, talks.id, { ...storyFields('Talks resume in Geneva'), version: talks.version }, at(29));
    publishArticle(desk, talks.id, { version: edited.version, updateKind: 'update' }, at(30));
    const retracted = published('Minister resigns', 20);
    withdrawArticle(desk, retracted.id, { version: retracted.version, note: 'The source retracted the report.' }, at(40));
    writtenStory(writer, 'Still a draft', at(50));
    // A minor fix is not a change in substance: it does not move the lastmod.
    const fixed = saveArticle(desk, strike.id, { ...storyFields('Dockers strike at dawn.'), version: strike.version }, at(59));
    publishArticle(desk, strike.id, { version: fixed.version, updateKind: 'minor_fix' }, at(60));

    expect(child(1)).toEqual([
      FRONT_PAGE,
      { loc: `${SITE.url}/news/dockers-strike-at-dawn`, lastmod: at(0).toISOString() },
      { loc: `${SITE.url}/news/talks-resume`, lastmod: at(30).toISOString() },
    ]);
    expect(indexed()).toEqual({ 1: at(30).toISOString() });
  });

  it('starts the second child at id 50,000, and a publish or a withdrawal there changes no other child', () => {
    const firstChild = childSitemap(1, SITE);
    // As if 49,999 stories had been written before this one.
    sqliteOf(getDb()).prepare("UPDATE sqlite_sequence SET seq = 49999 WHERE name = 'articles'").run();
    const story = published('Harbour reopens', 70);
    expect(story.id).toBe(50_000);

    expect(indexed()).toEqual({ 1: at(30).toISOString(), 2: at(70).toISOString() });
    expect(child(2)).toEqual([{ loc: `${SITE.url}/news/harbour-reopens`, lastmod: at(70).toISOString() }]);
    expect(childSitemap(1, SITE)).toBe(firstChild);
    expect(child(3)).toBeUndefined();

    withdrawArticle(desk, story.id, { version: story.version, note: 'Published too early.' }, at(80));
    expect(indexed()).toEqual({ 1: at(30).toISOString() });
    expect(child(2)).toBeUndefined();
    expect(childSitemap(1, SITE)).toBe(firstChild);
  });

  it('gives a live story the time of its newest shown entry or entry edit', () => {
    const story = publishedLiveStory(writer, desk, 'Storm makes landfall', at(90));
    const first = postEntry(desk, story.id, entryFields('Winds reach the coast'), at(92));
    postEntry(desk, story.id, entryFields('Power cut in the port'), at(95));
    const inChild = () => child(2)?.find((url) => url.loc.endsWith(`/news/${story.slug}`))?.lastmod;
    expect(inChild()).toBe(at(95).toISOString());
    expect(indexed()[2]).toBe(at(95).toISOString());

    const edited = editEntry(desk, story.id, first.id, { ...entryFields('Winds reach the coast at 120 km/h'), version: first.version }, at(97));
    expect(inChild()).toBe(at(97).toISOString());
    // A removed entry is no longer on the page, so it no longer dates the story.
    removeEntry(desk, story.id, first.id, { version: edited.version }, at(99));
    expect(inChild()).toBe(at(95).toISOString());
  });

  it('has no child numbered below 1 or other than a whole number', () => {
    for (const number of [0, -1, 1.5, Number.NaN]) expect(childSitemap(number, SITE)).toBeUndefined();
  });

  it('escapes the site address, which reads back as the same text', () => {
    const site = { ...SITE, url: 'https://news.example.org/a&b' };
    expect(sitemapIndex(site)).toContain('<loc>https://news.example.org/a&amp;b/sitemaps/1.xml</loc>');
    expect(parser.parse(childSitemap(1, site) ?? '').urlset.url[0].loc).toBe('https://news.example.org/a&b/');
  });
});
