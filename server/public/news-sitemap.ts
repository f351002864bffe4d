import 'server-only';
import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';
import { publicPath, type SiteInfo } from '@/lib/public/public-article';
import type { PublicHeadline } from './queries';

/** Google News reads only stories first published in the last two days; older ones draw warnings. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** Google's limit for one news sitemap. */
export const MAX_NEWS_URLS = 1000;

/**
 * The library refuses to end a sitemap with no URL in it, but a quiet two days is normal, and Google
 * accepts an empty news sitemap (Search Console only asks whether it was meant).
 */
const EMPTY_NEWS_SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

/** A Google News sitemap of the stories first published in the two days before `now`, newest first. */
export async function newsSitemap(articles: readonly PublicHeadline[], site: SiteInfo, now: Date): Promise<string> {
  const recent = articles
    .map((article) => ({ article, published: Date.parse(article.firstPublishedAt) }))
    .filter(({ published }) => published > now.getTime() - NEWS_WINDOW_MS && published <= now.getTime())
    .sort((a, b) => b.published - a.published)
    .slice(0, MAX_NEWS_URLS);
  if (recent.length === 0) return EMPTY_NEWS_SITEMAP;

  const publication = { name: site.name, language: googleNewsLanguage(site.language) };
  const urls = recent.map(({ article }) => ({
    url: site.url + publicPath(article.slug),
    news: { publication, publication_date: article.firstPublishedAt, title: article.headline },
  }));
  // Not ErrorLevel.THROW: the library throws inside the piped stream, where nothing can catch it and
  // the promise never settles; at the default level a bad field is logged and the URL still listed.
  const sitemap = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  return (await streamToPromise(Readable.from(urls).pipe(sitemap))).toString('utf8');
}

/** Google News takes an ISO 639 code, except for Chinese: `zh-cn` (Simplified) or `zh-tw` (Traditional). */
function googleNewsLanguage(bcp47: string): string {
  const [language = '', ...subtags] = bcp47.toLowerCase().split('-');
  if (language !== 'zh') return language;
  return subtags.some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag)) ? 'zh-tw' : 'zh-cn';
}
