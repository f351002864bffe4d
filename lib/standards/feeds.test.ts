import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, rssFeed } from './feeds';
import { cyrillicArticle, filedArticle, HARBOUR_PHOTO, HOSTILE_TEXT, publicArticle, SITE } from '@/tests/public-article-fixtures';

type XmlNode = Record<string, unknown> & { '#text'?: string };

/** The elements a feed may repeat, read as lists even when there is one. */
const REPEATABLE = new Set(['rss.channel.item', 'rss.channel.item.author', 'rss.channel.item.category', 'feed.link', 'feed.entry', 'feed.entry.link', 'feed.entry.author', 'feed.entry.category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  // Text stays text: "2025" or "true" in a headline must not come back as a number or a boolean.
  parseTagValue: false,
  isArray: (_name, jPath) => REPEATABLE.has(String(jPath)),
});

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, XmlNode>;
}

function rssItems(xml: string): XmlNode[] {
  return (parseFeed(xml).rss as { channel: { item?: XmlNode[] } }).channel.item ?? [];
}

function atomEntries(xml: string): XmlNode[] {
  return (parseFeed(xml).feed as { entry?: XmlNode[] }).entry ?? [];
}

/** An element's text, whether written as text or as CDATA sections. */
function textOf(node: unknown): string {
  return typeof node === 'string' ? node : ((node as XmlNode)['#text'] ?? '');
}

const updated = publicArticle({ updatedAt: '2025-05-21T09:00:00.000Z' });
const older = { ...cyrillicArticle(), firstPublishedAt: '2025-05-19T06:00:00.000Z', updatedAt: '2025-05-22T07:15:00.000Z' };

describe('rssFeed', () => {
  const xml = rssFeed([updated, older], SITE);

  it('describes the site and points at itself', () => {
    const rss = parseFeed(xml).rss as XmlNode & { channel: XmlNode };
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: 'The Harbour Gazette', link: 'https://news.example.org/', language: 'en' });
    expect(rss.channel['atom:link']).toMatchObject({ '@_href': 'https://news.example.org/feed.xml', '@_rel': 'self' });
    // The feed changed when its most recently changed story did, not when its newest was first published.
    expect(rss.channel.lastBuildDate).toBe('Thu, 22 May 2025 07:15:00 GMT');
  });

  it('lists the stories in the order given, each dated by its first publish, with a guid that is not the slug', () => {
    const [first, second] = rssItems(xml);
    expect(first).toMatchObject({
      link: 'https://news.example.org/news/port-strike-ends',
      guid: { '#text': 'https://news.example.org/articles/42', '@_isPermaLink': 'false' },
      pubDate: new Date('2025-05-20T08:30:00.000Z').toUTCString(),
      author: ['Ana Lima, Tom Ruiz'],
    });
    expect(textOf(first?.title)).toBe('Port strike ends after nine days');
    expect(decodeHTML(textOf(first?.description))).toBe('Dockers accept a 6% pay rise.');
    expect(second).toMatchObject({ pubDate: 'Mon, 19 May 2025 06:00:00 GMT', author: ['Анна Лима'] });
    expect(textOf(second?.title)).toBe('Забастовка в порту закончилась');
  });

  it('carries the lead photo as Media RSS: the JPEG, its photographer, the caption and credit shown', () => {
    const [first, second] = rssItems(xml);
    const media = first?.['media:content'] as XmlNode;
    expect(media).toMatchObject({
      '@_xmlns:media': 'http://search.yahoo.com/mrss/',
      '@_url': `https://news.example.org/media/photos/${HARBOUR_PHOTO.sha256}/1600.jpg`,
      '@_type': 'image/jpeg',
      '@_medium': 'image',
      '@_width': '1600',
      '@_height': '1200',
    });
    expect(media['media:credit']).toMatchObject({ '#text': 'Ana Lens', '@_role': 'photographer', '@_scheme': 'urn:ebu' });
    expect(media['media:description']).toMatchObject({ '#text': 'Ships queue as the strike ends.', '@_type': 'plain' });
    expect(media['media:copyright']).toMatchObject({ '#text': '© Example Press / Ana Lens', '@_url': 'https://press.example/rights/editorial-use' });
    expect(second).not.toHaveProperty('media:content');
  });
});

describe('atomFeed', () => {
  const xml = atomFeed([updated, older], SITE);

  it('describes the site, points at itself, and is updated when its last story changed', () => {
    const feed = parseFeed(xml).feed as XmlNode & { link: XmlNode[] };
    expect(feed).toMatchObject({ id: 'https://news.example.org/atom.xml', title: 'The Harbour Gazette', updated: '2025-05-22T07:15:00.000Z' });
    expect(feed.link).toEqual([
      { '@_rel': 'alternate', '@_href': 'https://news.example.org/' },
      { '@_rel': 'self', '@_href': 'https://news.example.org/atom.xml' },
    ]);
  });

  it('gives each entry a stable id, its first publish as published and its Updated stamp as updated', () => {
    const [first, second] = atomEntries(xml);
    expect(first).toMatchObject({
      id: 'https://news.example.org/articles/42',
      link: [{ '@_href': 'https://news.example.org/news/port-strike-ends' }],
      published: '2025-05-20T08:30:00.000Z',
      updated: '2025-05-21T09:00:00.000Z',
      author: [{ name: 'Ana Lima' }, { name: 'Tom Ruiz' }],
    });
    expect(first?.title).toMatchObject({ '@_type': 'html' });
    expect(decodeHTML(textOf(first?.title))).toBe('Port strike ends after nine days');
    expect(decodeHTML(textOf(first?.summary))).toBe('Dockers accept a 6% pay rise.');
    expect(second).toMatchObject({ published: '2025-05-19T06:00:00.000Z', updated: '2025-05-22T07:15:00.000Z' });
    expect(decodeHTML(textOf(second?.title))).toBe('Забастовка в порту закончилась');
  });

  it('gives a never-updated story its first publish as updated', () => {
    const [entry] = atomEntries(atomFeed([publicArticle({ updatedAt: null })], SITE));
    expect(entry).toMatchObject({ published: '2025-05-20T08:30:00.000Z', updated: '2025-05-20T08:30:00.000Z' });
  });
});

describe('hostile text in feeds', () => {
  const hostile = publicArticle({
    headline: HOSTILE_TEXT,
    standfirst: HOSTILE_TEXT,
    byline: 'By <b>Ana</b> ]]> Lima',
    leadPhoto: { photoId: HARBOUR_PHOTO.id, caption: HOSTILE_TEXT, credit: `${HOSTILE_TEXT} ©` },
  });

  it('stays text in RSS: the XML is well-formed and every field reads back exactly', () => {
    const [item] = rssItems(rssFeed([hostile], SITE));
    expect(Object.keys(item ?? {}).sort()).toEqual(['author', 'description', 'guid', 'link', 'media:content', 'pubDate', 'title']);
    expect(textOf(item?.title)).toBe(HOSTILE_TEXT);
    // RSS description is HTML: a reader decodes it once more, and then sees the text, not a script.
    expect(decodeHTML(textOf(item?.description))).toBe(HOSTILE_TEXT);
    expect(item?.author).toEqual(['<b>Ana</b> ]]> Lima']);
    const media = item?.['media:content'] as XmlNode;
    expect(Object.keys(media).filter((key) => !key.startsWith('@_'))).toEqual(['media:credit', 'media:description', 'media:copyright']);
    expect(textOf(media['media:description'])).toBe(HOSTILE_TEXT);
    expect(textOf(media['media:copyright'])).toBe(`${HOSTILE_TEXT} ©`);
  });

  it('stays text in Atom, where title and summary are type="html"', () => {
    const [entry] = atomEntries(atomFeed([hostile], SITE));
    expect(Object.keys(entry ?? {}).sort()).toEqual(['author', 'id', 'link', 'published', 'summary', 'title', 'updated']);
    expect(textOf(entry?.title)).not.toContain('<');
    expect(decodeHTML(textOf(entry?.title))).toBe(HOSTILE_TEXT);
    expect(decodeHTML(textOf(entry?.summary))).toBe(HOSTILE_TEXT);
    expect(entry?.author).toEqual([{ name: '<b>Ana</b> ]]> Lima' }]);
  });

  it('drops characters XML cannot carry instead of writing an unreadable feed', () => {
    const pasted = publicArticle({ headline: 'Line\u000Bbreak\u0007 from Word\uFFFE', standfirst: 'Stray \uD800 surrogate' });
    for (const xml of [rssFeed([pasted], SITE), atomFeed([pasted], SITE)]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('Linebreak from Word');
      expect(xml).toContain('Stray  surrogate');
    }
  });
});

describe('a filed story in the feeds', () => {
  const filed = filedArticle();

  it('has a category per section and tag in RSS, each its list’s page, the names read back as text', () => {
    const [item] = rssItems(rssFeed([filed], SITE));
    expect(item?.category).toEqual([
      { '#text': 'Business', '@_domain': 'https://news.example.org/section/business' },
      { '#text': 'Ports', '@_domain': 'https://news.example.org/tag/ports' },
      { '#text': HOSTILE_TEXT, '@_domain': 'https://news.example.org/tag/hostile' },
    ]);
  });

  it('has a category per section and tag in Atom, labelled with the name as text, and the authors with their pages', () => {
    const [entry] = atomEntries(atomFeed([filed], SITE));
    expect((entry?.category as XmlNode[]).map((category) => [category['@_term'], category['@_scheme'], category['@_label']])).toEqual([
      ['business', 'https://news.example.org/section/', 'Business'],
      ['ports', 'https://news.example.org/tag/', 'Ports'],
      ['hostile', 'https://news.example.org/tag/', HOSTILE_TEXT],
    ]);
    expect(entry?.author).toEqual([
      { name: 'Ana Lima', uri: 'https://news.example.org/author/ana-lima' },
      { name: 'Tom <i>Ruiz</i>', uri: 'https://news.example.org/author/tom-ruiz' },
    ]);
  });

  it('names a list’s own feed after it and points at its page and feeds', () => {
    const channel = { title: 'Business · The Harbour Gazette', description: 'Business', pagePath: '/section/business', rssPath: '/section/business/feed.xml', atomPath: '/section/business/atom.xml' };
    const rss = parseFeed(rssFeed([filed], SITE, channel)).rss as { channel: XmlNode };
    expect(rss.channel).toMatchObject({ title: 'Business · The Harbour Gazette', link: 'https://news.example.org/section/business' });
    expect(rss.channel['atom:link']).toMatchObject({ '@_href': 'https://news.example.org/section/business/feed.xml' });
    const atom = parseFeed(atomFeed([filed], SITE, channel)).feed as XmlNode;
    expect(atom.id).toBe('https://news.example.org/section/business/atom.xml');
  });
});

describe('an empty feed', () => {
  it('is dated at a fixed instant, so the same content always gives the same bytes', () => {
    const rss = parseFeed(rssFeed([], SITE)).rss as { channel: XmlNode };
    const atom = parseFeed(atomFeed([], SITE)).feed as XmlNode;
    expect(rss.channel.lastBuildDate).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(rss.channel).not.toHaveProperty('item');
    expect(atom.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(atom).not.toHaveProperty('entry');
    expect(rssFeed([], SITE)).toBe(rssFeed([], SITE));
  });
});
