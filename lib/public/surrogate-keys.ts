/**
 * Surrogate keys name what a public response shows, so a change purges exactly the responses that
 * show it, in Dateline's own cache and in a CDN's (Fastly and Varnish read `Surrogate-Key`,
 * Cloudflare and others `Cache-Tag`). A response carries the key of every story and photo it
 * shows, and the key of the list it is; a change names the stories and photos it touches, plus the
 * lists whose membership it changes (a first publish joins the front page, a withdrawal leaves it).
 */

/** The lists of the public site, each purged when a story joins or leaves it. */
export const LIST_KEYS = {
  front: 'front',
  feeds: 'feeds',
  corrections: 'corrections',
  sitemaps: 'sitemaps',
  newsSitemap: 'news-sitemap',
} as const;

export const storyKey = (articleId: number): string => `story-${articleId}`;

/**
 * The sitemap index, and the child sitemap of a block of story ids (server/public/sitemaps.ts):
 * child n lists the stories with ids (n−1)·SITEMAP_BLOCK … n·SITEMAP_BLOCK − 1.
 */
export const SITEMAP_BLOCK = 50_000;
export const sitemapChildKey = (child: number): string => `sitemap-${child}`;
export const sitemapKeysOf = (articleId: number): string[] => [LIST_KEYS.sitemaps, sitemapChildKey(Math.floor(articleId / SITEMAP_BLOCK) + 1)];
export const photoKey = (photoId: number): string => `photo-${photoId}`;

/** The lists of one section, tag or author: their pages and feeds. */
export const sectionKey = (sectionId: number): string => `section-${sectionId}`;
export const tagKey = (tagId: number): string => `tag-${tagId}`;
export const authorKey = (authorId: number): string => `author-${authorId}`;

/** Where a story is filed: its section, tags and credited authors. */
export type Filing = { sectionId: number | null; tagIds: readonly number[]; authorIds: readonly number[] };

/** The lists a story is shown in because of its filing (the front page groups by section too). */
export function filingListKeys(filing: Filing): string[] {
  return [...(filing.sectionId === null ? [] : [sectionKey(filing.sectionId)]), ...filing.tagIds.map(tagKey), ...filing.authorIds.map(authorKey)];
}

/**
 * A live story filed anew: the lists it leaves or joins, plus the story itself, whose page prints
 * its section, tags and byline, and the front page, which groups stories by section.
 */
export function filingChangeKeys(articleId: number, before: Filing, after: Filing): string[] {
  const was = filingListKeys(before);
  const is = filingListKeys(after);
  const moved = [...was.filter((key) => !is.includes(key)), ...is.filter((key) => !was.includes(key))];
  if (moved.length === 0 && before.authorIds.join() === after.authorIds.join()) return [];
  return [storyKey(articleId), LIST_KEYS.front, ...moved];
}

/**
 * A story leaving the site (a withdrawal) or moving to a new address: its own responses (its old
 * address's page, and every list showing it, which carries its key), and the sitemaps, which list
 * it by address but name no story, by its block.
 */
export const addressChangeKeys = (articleId: number): string[] => [storyKey(articleId), ...sitemapKeysOf(articleId), LIST_KEYS.newsSitemap];

/** A story and the library photos it shows (its lead photo and those in its body). */
export function storyKeys(article: { id: number; photos: Record<number, unknown> }): string[] {
  return [storyKey(article.id), ...Object.keys(article.photos).map((photoId) => photoKey(Number(photoId)))];
}

/** One header value: each key once, in the order first named. */
export function surrogateKeyHeader(keys: Iterable<string>): string {
  return [...new Set(keys)].join(' ');
}

export const SURROGATE_KEY_HEADER = 'surrogate-key';

/**
 * Every cacheable public response's Cache-Control. A reader's browser asks again each time (a
 * 304 when nothing changed), so nobody reads a corrected story's old text from their own cache.
 * A shared cache keeps it for a day, since every change purges it by key; it may serve a
 * copy up to 30 s stale while it fetches a fresh one, and a day-old one while Dateline is down.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=86400, stale-while-revalidate=30, stale-if-error=86400';
