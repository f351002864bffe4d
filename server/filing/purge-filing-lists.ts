import 'server-only';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { articleAuthors, articles, articleTags } from '@/db/schema';
import { authorKey, LIST_KEYS, sectionKey, storyKey, tagKey } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';

/** A section, tag or author whose public face an admin changed. */
export type FilingList = { section: number } | { tag: number } | { author: number };

const isLive = and(isNotNull(articles.liveRevisionId), isNull(articles.withdrawnAt));

function liveStoryIds(tx: Tx, list: FilingList): number[] {
  const rows =
    'section' in list
      ? tx.select({ id: articles.id }).from(articles).where(and(eq(articles.sectionId, list.section), isLive)).all()
      : 'tag' in list
        ? tx.select({ id: articles.id }).from(articleTags).innerJoin(articles, eq(articles.id, articleTags.articleId)).where(and(eq(articleTags.tagId, list.tag), isLive)).all()
        : tx.select({ id: articles.id }).from(articleAuthors).innerJoin(articles, eq(articles.id, articleAuthors.articleId)).where(and(eq(articleAuthors.authorId, list.author), isLive)).all();
  return rows.map((row) => row.id);
}

const listKey = (list: FilingList): string => ('section' in list ? sectionKey(list.section) : 'tag' in list ? tagKey(list.tag) : authorKey(list.author));

/**
 * Purges what a rename, merge or new order shows differently: the lists' own pages and feeds, the
 * front page and feeds (which print sections and categories), and every live story in them, whose
 * page prints the section, tags and byline. Stands in until the public pages' own purge function
 * lands; it is the one place to swap.
 */
export function purgeFilingLists(tx: Tx, lists: readonly FilingList[], now: Date): void {
  const storyIds = new Set(lists.flatMap((list) => liveStoryIds(tx, list)));
  recordPublicChange(tx, [LIST_KEYS.front, LIST_KEYS.feeds, ...lists.map(listKey), ...[...storyIds].map(storyKey)], now);
}

