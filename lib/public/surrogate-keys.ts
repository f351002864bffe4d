import type { ArticleFiling } from '@/lib/filing';

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

/** Every story's What changed page and its feeds: they print who published each version as the newsroom's settings say. */
export const CHANGES_CREDIT_KEY = 'changes-credit';

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

/** The filing's ids, as the keys name them: of the desk's filing or the public's. */
export function filingIds(filing: ArticleFiling): Filing {
  return { sectionId: filing.section?.id ?? null, tagIds: filing.tags.map((tag) => tag.id), authorIds: filing.authors.map((author) => author.id) };
}

/**
 * The responses that print a section's, tag's or author's name beside a story: the story's page,
 * its ninjs, the feeds that carry it. Apart from the list keys, so that a story joining a section
 * (which changes the section's list) does not purge the page of every story in it, while a
 * rename, which changes what they all print, does.
 */
export const sectionNameKey = (sectionId: number): string => `section-name-${sectionId}`;
export const tagNameKey = (tagId: number): string => `tag-name-${tagId}`;
export const authorNameKey = (authorId: number): string => `author-name-${authorId}`;

export function filingNameKeys(filing: Filing): string[] {
  return [...(filing.sectionId === null ? [] : [sectionNameKey(filing.sectionId)]), ...filing.tagIds.map(tagNameKey), ...filing.authorIds.map(authorNameKey)];
}

/**
 * A story leaving the site (a withdrawal) or moving to a new address: its own responses (its old
 * address's page, and every list showing it, which carries its key), and the sitemaps, which list
 * it by address but name no story, by its block.
 */
export const addressChangeKeys = (articleId: number): string[] => [storyKey(articleId), ...sitemapKeysOf(articleId), LIST_KEYS.newsSitemap];

/** What a live story's entries show besides the story: their photos and the authors they credit. */
type ShownEntries = { entries: readonly { photos: Record<number, unknown>; authors: readonly { id: number }[] }[] };

/**
 * A story and the library photos it shows (its lead photo and those in its body), and when the
 * response prints its filing (a whole story does, a list's teaser does not), the names it prints.
 * A live story's page, feeds and JSON also show its entries: their photos and their authors' names
 * (the story's own key covers the entries' text, which every change to them purges).
 */
export function storyKeys(article: { id: number; photos: Record<number, unknown>; filing?: ArticleFiling; live?: ShownEntries | null }): string[] {
  const entries = article.live?.entries ?? [];
  return [
    storyKey(article.id),
    ...[article.photos, ...entries.map((entry) => entry.photos)].flatMap((photos) => Object.keys(photos).map((photoId) => photoKey(Number(photoId)))),
    ...(article.filing ? filingNameKeys(filingIds(article.filing)) : []),
    ...entries.flatMap((entry) => entry.authors.map((author) => authorNameKey(author.id))),
  ];
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
