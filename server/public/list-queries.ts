import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Db, getDb, preparedQuery } from '@/db/client';
import { articles, authors, revisions, sectionRedirects, sections, tagRedirects, tags } from '@/db/schema';
import { photoCardOf } from '@/lib/photos/photo-use';
import { LIST_PAGE_SIZE, type ListKind, type ListPage, type ListRef, type PublicListHead } from '@/lib/public/public-lists';
import { loadPhotoViews } from '@/server/photos/queries';
import { listedIds } from './list-membership';
import { newestFirst, teaserColumns, toTeasers } from './queries';

/** What a list's address is now: a list, a section's or tag's former address, or nothing. */
export type ListAddress = { kind: 'found'; list: PublicListHead } | { kind: 'moved'; id: number; slug: string } | { kind: 'unknown' };

/** Asked for every request to a list's page or feed (by the proxy, the page and its keys), so prepared once. */
const headQueries = preparedQuery((db) => {
  const bySlug = sql.placeholder('slug');
  return {
    section: db
      .select({ id: sections.id, name: sections.name, slug: sections.slug, about: sections.description, photoId: sql<number | null>`null` })
      .from(sections)
      .where(eq(sections.slug, bySlug))
      .prepare(),
    tag: db
      .select({ id: tags.id, name: tags.name, slug: tags.slug, about: sql<string>`''`, photoId: sql<number | null>`null` })
      .from(tags)
      .where(eq(tags.slug, bySlug))
      .prepare(),
    author: db
      .select({ id: authors.id, name: authors.name, slug: authors.slug, about: authors.bio, photoId: authors.photoId })
      .from(authors)
      .where(eq(authors.slug, bySlug))
      .prepare(),
    sectionMoved: db
      .select({ id: sections.id, slug: sections.slug })
      .from(sectionRedirects)
      .innerJoin(sections, eq(sections.id, sectionRedirects.sectionId))
      .where(eq(sectionRedirects.fromSlug, bySlug))
      .prepare(),
    tagMoved: db
      .select({ id: tags.id, slug: tags.slug })
      .from(tagRedirects)
      .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
      .where(eq(tagRedirects.fromSlug, bySlug))
      .prepare(),
  };
});

/** A list by its address. Authors keep no former addresses: a profile's slug is chosen once. */
export function resolvePublicList(kind: ListKind, slug: string, db: Db = getDb()): ListAddress {
  const queries = headQueries(db);
  const row = queries[kind].get({ slug });
  if (row) {
    const { photoId, ...head } = row;
    const view = photoId === null ? undefined : loadPhotoViews(db, [photoId]).get(photoId);
    return { kind: 'found', list: { kind, ...head, photo: view ? photoCardOf(view) : null } };
  }
  const moved = kind === 'section' ? queries.sectionMoved.get({ slug }) : kind === 'tag' ? queries.tagMoved.get({ slug }) : undefined;
  return moved ? { kind: 'moved', ...moved } : { kind: 'unknown' };
}

/**
 * Keyset pagination on (first publish, id), the order the indexes keep: a page deep in a list of
 * 100,000 stories costs what the first does, where an offset would read every story above it.
 * Undefined when `beforeId` is no published story.
 */
export function publicListPage(list: ListRef, beforeId?: number): ListPage | undefined {
  const db = getDb();
  const cursor =
    beforeId === undefined
      ? undefined
      : db
          .select({ at: articles.firstPublishedAt, id: articles.id })
          .from(articles)
          .where(and(eq(articles.id, beforeId), isNotNull(articles.firstPublishedAt)))
          .get();
  if (beforeId !== undefined && !cursor?.at) return undefined;
  const at = cursor?.at ? { at: cursor.at, id: cursor.id } : undefined;
  const ids = listedIds(db, list, LIST_PAGE_SIZE + 1, { older: at });
  const shown = ids.slice(0, LIST_PAGE_SIZE);
  // The previous page ends with the cursor story: the 20 from it upwards, below the 21st.
  const above = at ? listedIds(db, list, LIST_PAGE_SIZE + 1, { newerFrom: at }) : [];
  return {
    articles: toTeasers(db, teaserRowsOf(db, shown)),
    older: ids.length > LIST_PAGE_SIZE ? (shown.at(-1) ?? null) : null,
    newer: at ? (above[LIST_PAGE_SIZE] ?? 'first') : null,
  };
}

function teaserRowsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select(teaserColumns)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.liveRevisionId))
    .where(inArray(articles.id, ids))
    .orderBy(...newestFirst)
    .all();
}
