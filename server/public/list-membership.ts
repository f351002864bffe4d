import 'server-only';
import { and, count, eq, exists, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleAuthors, articles, articleTags } from '@/db/schema';
import type { ListRef } from '@/lib/public/public-lists';
import { isLive } from '@/server/articles/queries';

/**
 * Up to this many stories, a tag's or author's list is read from its own index and sorted by first
 * publish; past it, the archive is read down its first-publish index, newest first, checking each
 * story's tag, and stops at a page's worth. At 100,000 stories a list of a thousand is about 2,000
 * checks either way; a longer list would cost its length to sort, and a shorter one the archive
 * to walk.
 */
const SORT_LIST_MAX = 1000;

/** The stories in a list, as a condition on `articles`, in the form its size reads fastest. */
function inList(db: Db, list: ListRef): SQL {
  if (list.kind === 'section') return eq(articles.sectionId, list.id);
  const [table, column] = list.kind === 'tag' ? [articleTags, articleTags.tagId] : [articleAuthors, articleAuthors.authorId];
  const size = db.select({ n: count() }).from(table).where(eq(column, list.id)).get()?.n ?? 0;
  if (size <= SORT_LIST_MAX) return inArray(articles.id, db.select({ id: table.articleId }).from(table).where(eq(column, list.id)));
  return exists(
    db
      .select({ one: sql`1` })
      .from(table)
      .where(and(eq(table.articleId, articles.id), eq(column, list.id))),
  );
}

/** A story's place in the list order: its first publish, then its id. */
export type ListCursor = { at: Date; id: number };

/**
 * The ids of a list's live stories, newest first from the top or from below `older` (exclusive),
 * or oldest first from `newerFrom` up (inclusive). Only ids: the rows are read afterwards for
 * these few stories alone, where a join would read every candidate's revision.
 */
export function listedIds(db: Db, list: ListRef, limit: number, from: { older?: ListCursor; newerFrom?: ListCursor } = {}): number[] {
  const { older, newerFrom } = from;
  const conditions = [isLive, inList(db, list)];
  if (older) conditions.push(lte(articles.firstPublishedAt, older.at), or(lt(articles.firstPublishedAt, older.at), lt(articles.id, older.id)) as SQL);
  if (newerFrom) conditions.push(gte(articles.firstPublishedAt, newerFrom.at), or(gt(articles.firstPublishedAt, newerFrom.at), gte(articles.id, newerFrom.id)) as SQL);
  const direction = newerFrom ? sql`asc` : sql`desc`;
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(and(...conditions))
    .orderBy(sql`${articles.firstPublishedAt} ${direction}`, sql`${articles.id} ${direction}`)
    .limit(limit)
    .all()
    .map((row) => row.id);
}
