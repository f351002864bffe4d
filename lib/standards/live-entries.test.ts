import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, liveArticle, liveEntry, MARKET_PHOTO, SITE } from '@/tests/public-article-fixtures';
import { ninjsProblems } from '@/tests/ninjs-schema';
import { atomEntriesFeed, liveFeedPath, rssEntriesFeed } from './feeds';
import { entryTitle } from './live-entries';
import { jsonLdScriptContent, newsArticleJsonLd } from './news-article-jsonld';
import { ninjsOf } from './ninjs';

const paragraphs = (...texts: string[]) => ({ type: 'doc' as const, content: texts.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) });
const PAGE = 'https://news.example.org/news/port-strike-ends';

describe('entryTitle', () => {
  it('is the headline when the entry has one, else its first sentence', () => {
    expect(entryTitle(liveEntry({ headline: 'First ship berths' }))).toBe('First ship berths');
    expect(entryTitle(liveEntry())).toBe('Dockers have started to leave the picket line.');
    expect(entryTitle(liveEntry({ body: paragraphs('No full stop here', 'Second line.') }))).toBe('No full stop here Second line.');
    expect(entryTitle(liveEntry({ body: paragraphs('Talks at 3.5% broke down. Then resumed.') }))).toBe('Talks at 3.5% broke down.');
  });

  it('cuts a long first sentence at a word, within the 110 characters a headline may show', () => {
    const long = `${'Dockers and drivers '.repeat(10)}walked out.`;
    const title = entryTitle(liveEntry({ body: paragraphs(long) }));
    expect([...title].length).toBeLessThanOrEqual(110);
    expect(title).toMatch(/^Dockers and drivers .*[a-z]…$/);
  });

  it('is empty for an entry that is only an uncaptioned photo', () => {
    expect(entryTitle(liveEntry({ body: { type: 'doc', content: [{ type: 'photo', attrs: { photoId: 9, caption: null, credit: null, alt: null } }] } }))).toBe('');
  });
});

describe('a live story in JSON-LD', () => {
  it('is a LiveBlogPosting with its coverage start and each entry a BlogPosting, in the page’s order', () => {
    const jsonLd = newsArticleJsonLd(liveArticle(), SITE);
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Port strike ends after nine days',
      url: PAGE,
      datePublished: '2025-05-20T08:30:00.000Z',
      // The newest entry (posted 14:12) is the last change.
      dateModified: '2025-05-20T14:12:00.000Z',
      coverageStartTime: '2025-05-20T08:30:00.000Z',
    });
    expect(jsonLd).not.toHaveProperty('coverageEndTime');
    expect(jsonLd.liveBlogUpdate).toEqual([
      {
        '@type': 'BlogPosting',
        headline: 'First ship berths',
        url: `${PAGE}#entry-103`,
        datePublished: '2025-05-20T14:12:00.000Z',
        dateModified: '2025-05-20T14:12:00.000Z',
        author: [{ '@type': 'Person', name: 'Ana Lima', url: 'https://news.example.org/author/ana-lima' }],
        articleBody: 'The Maersk Elba tied up at 14:10.',
        image: [expect.objectContaining({ '@type': 'ImageObject', caption: MARKET_PHOTO.caption, url: `https://news.example.org/media/photos/${MARKET_PHOTO.sha256}/800.jpg` })],
      },
      {
        '@type': 'BlogPosting',
        headline: 'The union says the vote was 412 to 90',
        url: `${PAGE}#entry-102`,
        datePublished: '2025-05-20T13:40:00.000Z',
        dateModified: '2025-05-20T13:52:00.000Z',
        articleBody: 'The union says the vote was 412 to 90',
      },
      expect.objectContaining({ headline: 'Dockers have started to leave the picket line.', url: `${PAGE}#entry-101` }),
    ]);
  });

  it('gives the end of coverage once it has ended, and stays a NewsArticle for an ordinary story', () => {
    expect(newsArticleJsonLd(liveArticle({ endedAt: '2025-05-20T18:00:00.000Z' }), SITE)).toMatchObject({ coverageEndTime: '2025-05-20T18:00:00.000Z' });
    const ordinary = newsArticleJsonLd({ ...liveArticle(), live: null }, SITE);
    expect(ordinary['@type']).toBe('NewsArticle');
    expect(ordinary).not.toHaveProperty('liveBlogUpdate');
  });

  it('keeps hostile text in an entry as text inside the script element', () => {
    const story = liveArticle({ keyPoints: [HOSTILE_TEXT], entries: [liveEntry({ headline: `</script>${HOSTILE_TEXT}`, body: paragraphs(HOSTILE_TEXT) })] });
    const content = jsonLdScriptContent(newsArticleJsonLd(story, SITE));
    expect(content).not.toContain('<');
    expect(JSON.parse(content).liveBlogUpdate[0]).toMatchObject({ headline: `</script>${HOSTILE_TEXT}`, articleBody: HOSTILE_TEXT });
  });
});

type XmlNode = Record<string, unknown> & { '#text'?: string };
const REPEATABLE = new Set(['rss.channel.item', 'rss.channel.item.author', 'feed.entry', 'feed.entry.link', 'feed.entry.author']);
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (_name, jPath) => REPEATABLE.has(String(jPath)) });
const textOf = (node: unknown): string => (typeof node === 'string' ? node : ((node as XmlNode)['#text'] ?? ''));

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-feeds-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** What xmllint (libxml2, as strict as any feed reader's parser) says of the file; empty when well-formed. */
function xmllintProblems(xml: string): string[] {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.stderr.split('\n').filter(Boolean);
}

/** The text of each paragraph an entry's HTML shows; it must hold no other element. */
function shownParagraphs(html: string): string[] {
  const paragraphs = [...html.matchAll(/<p>([^<]*)<\/p>/g)];
  expect(paragraphs.map(([whole]) => whole).join('')).toBe(html);
  return paragraphs.map(([, text = '']) => decodeHTML(text));
}

function parsed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xmllintProblems(xml)).toEqual([]);
  return parser.parse(xml) as Record<string, XmlNode>;
}

describe('the feeds of a live story’s entries', () => {
  it('live beside the story’s page', () => {
    expect(liveFeedPath('port-strike-ends', 'rss')).toBe('/news/port-strike-ends/feed.xml');
    expect(liveFeedPath('port-strike-ends', 'atom')).toBe('/news/port-strike-ends/atom.xml');
  });

  it('list the entries in RSS newest first, each linked to its place on the page, with its words and first photo', () => {
    const { channel } = parsed(rssEntriesFeed(liveArticle(), SITE)).rss as { channel: XmlNode & { item: XmlNode[] } };
    expect(channel).toMatchObject({ title: 'Port strike ends after nine days · The Harbour Gazette', link: PAGE, lastBuildDate: 'Tue, 20 May 2025 14:12:00 GMT' });
    expect(channel['atom:link']).toMatchObject({ '@_href': `${PAGE}/feed.xml`, '@_rel': 'self' });
    expect(channel.item.map((item) => textOf(item.title))).toEqual(['First ship berths', 'The union says the vote was 412 to 90', 'Dockers have started to leave the picket line.']);
    const [first, second] = channel.item;
    expect(first).toMatchObject({
      link: `${PAGE}#entry-103`,
      guid: { '#text': 'https://news.example.org/articles/42/entries/103', '@_isPermaLink': 'false' },
      pubDate: 'Tue, 20 May 2025 14:12:00 GMT',
      author: ['Ana Lima'],
    });
    expect(textOf(first?.description)).toBe('<p>The Maersk Elba tied up at 14:10.</p>');
    expect(first?.['media:content']).toMatchObject({ '@_url': `https://news.example.org/media/photos/${MARKET_PHOTO.sha256}/800.jpg` });
    expect(second).not.toHaveProperty('author');
    expect(second).not.toHaveProperty('media:content');
  });

  it('list the entries in Atom with published when posted and updated at the last edit', () => {
    const feed = parsed(atomEntriesFeed(liveArticle(), SITE)).feed as XmlNode & { entry: XmlNode[] };
    expect(feed).toMatchObject({ id: `${PAGE}/atom.xml`, updated: '2025-05-20T14:12:00.000Z' });
    expect(feed.entry.map((entry) => entry.id)).toEqual([103, 102, 101].map((id) => `https://news.example.org/articles/42/entries/${id}`));
    expect(feed.entry[1]).toMatchObject({ published: '2025-05-20T13:40:00.000Z', updated: '2025-05-20T13:52:00.000Z', link: [{ '@_href': `${PAGE}#entry-102` }] });
    expect(feed.entry[0]?.author).toEqual([{ name: 'Ana Lima', uri: 'https://news.example.org/author/ana-lima' }]);
  });

  it('keep hostile text as text: well-formed XML, and each field reads back exactly', () => {
    const hostileEntry = liveEntry({
      headline: HOSTILE_TEXT,
      body: paragraphs(`<img src=x onerror="alert(1)"> ${HOSTILE_TEXT}`, 'Line\u000Bbreak from Word'),
      authors: [{ id: 9, name: 'Tom <i>Ruiz</i> ]]>', slug: 'tom-ruiz' }],
    });
    const story = liveArticle({ entries: [hostileEntry, liveEntry({ id: 104, body: paragraphs(HOSTILE_TEXT) })] });
    story.headline = HOSTILE_TEXT;

    const { channel } = parsed(rssEntriesFeed(story, SITE)).rss as { channel: XmlNode & { item: XmlNode[] } };
    expect(textOf(channel.title)).toBe(`${HOSTILE_TEXT} · The Harbour Gazette`);
    const item = channel.item.find((candidate) => textOf(candidate.guid).endsWith('/101'));
    expect(textOf(item?.title)).toBe(HOSTILE_TEXT);
    // RSS description is HTML: a reader renders paragraphs whose text is the entry's, never an element of it.
    expect(shownParagraphs(textOf(item?.description))).toEqual([`<img src=x onerror="alert(1)"> ${HOSTILE_TEXT}`, 'Linebreak from Word']);
    expect(item?.author).toEqual(['Tom <i>Ruiz</i> ]]>']);
    // An entry with no headline is named by its words: hostile ones too.
    expect(textOf(channel.item.find((candidate) => textOf(candidate.guid).endsWith('/104'))?.title)).toBe(HOSTILE_TEXT);

    const feed = parsed(atomEntriesFeed(story, SITE)).feed as XmlNode & { entry: XmlNode[] };
    const entry = feed.entry.find((candidate) => String(candidate.id).endsWith('/101'));
    expect(textOf(entry?.title)).not.toContain('<');
    expect(decodeHTML(textOf(entry?.title))).toBe(HOSTILE_TEXT);
    expect(shownParagraphs(textOf(entry?.summary))).toEqual([`<img src=x onerror="alert(1)"> ${HOSTILE_TEXT}`, 'Linebreak from Word']);
    expect(entry?.author).toEqual([{ name: 'Tom <i>Ruiz</i> ]]>', uri: 'https://news.example.org/author/tom-ruiz' }]);
  });

  it('are well-formed with no entries yet', () => {
    const story = liveArticle({ entries: [] });
    expect((parsed(rssEntriesFeed(story, SITE)).rss as { channel: XmlNode }).channel).not.toHaveProperty('item');
    expect(parsed(atomEntriesFeed(story, SITE)).feed).not.toHaveProperty('entry');
  });
});

describe('a live story in ninjs', () => {
  it('carries each entry, newest first after the photos, as a text item that validates against ninjs 2.2', () => {
    const item = ninjsOf(liveArticle(), SITE);
    expect(ninjsProblems(item)).toEqual([]);
    expect(item.versioncreated).toBe('2025-05-20T14:12:00.000Z');
    expect(item.associations).toEqual([
      {
        name: 'entry-103',
        uri: 'https://news.example.org/articles/42/entries/103',
        type: 'text',
        firstcreated: '2025-05-20T14:12:00.000Z',
        versioncreated: '2025-05-20T14:12:00.000Z',
        headlines: [{ role: 'main', value: 'First ship berths' }],
        bodies: [{ role: 'main', contenttype: 'text/plain', value: 'The Maersk Elba tied up at 14:10.', charcount: 33, wordcount: 7 }],
        by: 'Ana Lima',
        associations: [expect.objectContaining({ name: 'photo-1', type: 'picture', uri: `https://news.example.org/media/photos/${MARKET_PHOTO.sha256}` })],
      },
      expect.objectContaining({ name: 'entry-102', firstcreated: '2025-05-20T13:40:00.000Z', versioncreated: '2025-05-20T13:52:00.000Z' }),
      expect.objectContaining({ name: 'entry-101', headlines: [{ role: 'main', value: 'Dockers have started to leave the picket line.' }] }),
    ]);
    expect(item.associations?.[1]).not.toHaveProperty('by');
  });

  it('stays valid with hostile text and with an entry that is only a photo', () => {
    const story = liveArticle({
      entries: [
        liveEntry({ headline: HOSTILE_TEXT, body: paragraphs(HOSTILE_TEXT), authors: [{ id: 9, name: HOSTILE_TEXT, slug: 'x' }] }),
        liveEntry({ id: 105, body: { type: 'doc', content: [{ type: 'photo', attrs: { photoId: MARKET_PHOTO.id, caption: null, credit: null, alt: null } }] }, photos: { [MARKET_PHOTO.id]: MARKET_PHOTO } }),
      ],
    });
    const item = ninjsOf(story, SITE);
    expect(ninjsProblems(item)).toEqual([]);
    expect(item.associations?.find((association) => association.name === 'entry-105')).not.toHaveProperty('headlines');
  });
});
