import type { PhotoCard } from '@/lib/photos/photo-use';
import type { PublicTeaser } from './public-article';
import { authorKey, authorNameKey, LIST_KEYS, sectionKey, sectionNameKey, tagKey, tagNameKey } from './surrogate-keys';

/**
 * The public lists a story is filed in: a section, a tag, an author. Each has a page at
 * `/<kind>/<slug>` (older stories at `/<kind>/<slug>/before/<story id>`) and two feeds.
 */
export const LIST_KINDS = ['section', 'tag', 'author'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** One section's, tag's or author's list. */
export type ListRef = { kind: ListKind; id: number };

/** What heads a list's page: the section's description, or the author's bio and photo. */
export type PublicListHead = ListRef & { name: string; slug: string; about: string; photo: PhotoCard | null };

/**
 * One page of a list: the newest stories, or those first published before a story. `older` is the
 * story the next page starts below; `newer` the one the previous page starts below, or 'first'
 * when the previous page is the list's first.
 */
export type ListPage = { articles: PublicTeaser[]; older: number | null; newer: number | 'first' | null };

/** A list's page as shown: the list, the page of its stories, and the page's own address. */
export type ShownList = { head: PublicListHead; page: ListPage; path: string };

/** How many stories a list's page shows. */
export const LIST_PAGE_SIZE = 20;

export const listPath = (kind: ListKind, slug: string): string => `/${kind}/${slug}`;

/**
 * The page of the stories first published before this one. The cursor is a story, not a page
 * number: the page is read from the index where the story sits, whatever its depth, and the
 * address is in the path because the public cache keys copies by path alone (docs/decisions/017).
 */
export const olderPagePath = (kind: ListKind, slug: string, beforeId: number): string => `${listPath(kind, slug)}/before/${beforeId}`;

export const listFeedPath = (kind: ListKind, slug: string, format: 'rss' | 'atom'): string => `${listPath(kind, slug)}/${format === 'rss' ? 'feed' : 'atom'}.xml`;

export const listKeyOf = (kind: ListKind, id: number): string => ({ section: sectionKey, tag: tagKey, author: authorKey })[kind](id);

/** An IPTC Media Topic as a URI, the form ninjs `subjects` and linked data name it by. */
export const mediaTopicUri = (code: string): string => `http://cv.iptc.org/newscodes/mediatopic/${code}`;

const NAME_KEYS = { section: sectionNameKey, tag: tagNameKey, author: authorNameKey } as const;

/**
 * A section, tag or author changed in what the public sees of it (name, address, description, bio,
 * photo, Media Topic, a section's place in the order): its own pages and feeds, every response
 * printing its name beside a story, and for a section the front page, which heads a group with it.
 */
export function listChangeKeys(kind: ListKind, id: number): string[] {
  return [listKeyOf(kind, id), NAME_KEYS[kind](id), ...(kind === 'section' ? [LIST_KEYS.front] : [])];
}
