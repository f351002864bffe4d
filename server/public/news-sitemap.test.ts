import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newsSitemap } from './news-sitemap';
import { cyrillicArticle, HOSTILE_TEXT, publicArticle, SITE } from '@/tests/public-article-fixtures';

type SitemapUrl = {
  loc: string;
  'news:news': {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
};

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'url' });

function parseSitemap(xml: string): { '@_xmlns:news': string; url?: SitemapUrl[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).urlset;
}

const NOW = new Date('2025-05-22T12:00:00.000Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

describe('newsSitemap', () => {
  it('lists the stories first published in the two days before now, newest first, as Google News reads them', async () => {
    const stories = [
      publicArticle({ id: 1, slug: 'yesterday', headline: 'Yesterday', firstPublishedAt: hoursBefore(20) }),
      publicArticle({ id: 2, slug: 'this-morning', headline: 'This morning', firstPublishedAt: hoursBefore(3), updatedAt: hoursBefore(1) }),
      publicArticle({ id: 3, slug: 'last-week', headline: 'Last week', firstPublishedAt: hoursBefore(7 * 24), updatedAt: hoursBefore(1) }),
      publicArticle({ id: 4, slug: 'just-too-old', headline: 'Just too old', firstPublishedAt: hoursBefore(48) }),
      { ...cyrillicArticle(), firstPublishedAt: hoursBefore(47.9) },
    ];
    const urlset = parseSitemap(await newsSitemap(stories, SITE, NOW));

    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toEqual([
      {
        loc: 'https://news.example.org/news/this-morning',
        'news:news': {
          'news:publication': { 'news:name': 'The Harbour Gazette', 'news:language': 'en' },
          'news:publication_date': '2025-05-22T09:00:00.000Z',
          'news:title': 'This morning',
        },
      },
      expect.objectContaining({ loc: 'https://news.example.org/news/yesterday' }),
      expect.objectContaining({
        loc: 'https://news.example.org/news/zabastovka',
        'news:news': expect.objectContaining({ 'news:title': 'Забастовка в порту закончилась' }),
      }),
    ]);
  });

  it('escapes a hostile headline, which reads back as the same text', async () => {
    const xml = await newsSitemap([publicArticle({ headline: HOSTILE_TEXT, firstPublishedAt: hoursBefore(1) })], SITE, NOW);
    const [url] = parseSitemap(xml).url ?? [];
    expect(url?.['news:news']['news:title']).toBe(HOSTILE_TEXT);
    expect(xml).not.toContain('<script>');
  });

  it('names the language as Google News wants it: ISO 639, or zh-cn / zh-tw', async () => {
    const languageFor = async (language: string) => {
      const [url] = parseSitemap(await newsSitemap([publicArticle({ firstPublishedAt: hoursBefore(1) })], { ...SITE, language }, NOW)).url ?? [];
      return url?.['news:news']['news:publication']['news:language'];
    };
    expect(await languageFor('en-GB')).toBe('en');
    expect(await languageFor('ru')).toBe('ru');
    expect(await languageFor('zh-Hant-TW')).toBe('zh-tw');
    expect(await languageFor('zh-Hans')).toBe('zh-cn');
  });

  it('is an empty but well-formed news sitemap after two quiet days', async () => {
    const urlset = parseSitemap(await newsSitemap([publicArticle({ firstPublishedAt: hoursBefore(72) })], SITE, NOW));
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toBeUndefined();
  });
});
