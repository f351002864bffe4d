import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type Db, getDb, preparedQuery, type Tx } from '@/db/client';
import { articles, authors, liveEntries, liveEntryDrafts, liveEntryRevisions, liveEvents, revisions, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import type { LiveEventKind } from '@/lib/domain-constants';
import type { FilingName } from '@/lib/filing';
import {
  type DeskLiveEntry,
  inReadingOrder,
  type LiveDesk,
  type LiveEntryRevision,
  type PublicLiveCoverage,
  type PublicLiveEntry,
} from '@/lib/live-coverage/live-entry';
import { bodyPhotoUses } from '@/lib/photos/photo-use';
import { type PublicPhoto, publicPhotoOf } from '@/lib/public/public-article';
import { isPlaceholderSlug } from '@/lib/slug';
import type { SessionUser } from '@/lib/session-user';
import { redactPublished } from '@/lib/legal-removals/redact';
import { findVisibleArticle } from '@/server/articles/queries';
import { removalPatternsOf } from '@/server/legal-removals/queries';
import { listAuthors } from '@/server/filing/queries';
import { loadPhotoViews } from '@/server/photos/queries';

const inIds = (column: Parameters<typeof inArray>[0]) => inArray(column, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`);

const coverageQuery = preparedQuery((db) =>
  db
    .select({
      format: articles.format,
      headline: revisions.headline,
      coverageStartedAt: articles.coverageStartedAt,
      coverageEndedAt: articles.coverageEndedAt,
      keyPoints: articles.keyPoints,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(eq(articles.id, sql.placeholder('id')))
    .prepare(),
);

export const NOT_A_LIVE_STORY = 'This story is not a live story.';

/**
 * A live story the user may see, with its lifecycle and its coverage; NOT_FOUND when it is not
 * theirs to see, INVALID when it is an ordinary article.
 */
export function findLiveStory(db: Db | Tx, user: SessionUser, articleId: number) {
  const article = findVisibleArticle(db, user, articleId);
  const coverage = coverageQuery(db).get({ id: articleId })!;
  if (coverage.format !== 'live') throw new AppError('INVALID', NOT_A_LIVE_STORY);
  const isPublic = article.liveRevisionId !== null && article.withdrawnAt === null;
  return { ...article, ...coverage, isPublic };
}

export type LiveStory = ReturnType<typeof findLiveStory>;

/** When coverage began: when a public story became live, else its first publish. */
export function coverageStart(story: { coverageStartedAt: Date | null; firstPublishedAt: Date | null }): Date | null {
  return story.coverageStartedAt ?? story.firstPublishedAt;
}

const removedBy = alias(users, 'removed_by');

const entryColumns = {
  id: liveEntries.id,
  postedById: liveEntries.postedBy,
  postedByName: users.name,
  postedAt: liveEntries.postedAt,
  updatedAt: liveEntries.updatedAt,
  version: liveEntries.version,
  pinnedAt: liveEntries.pinnedAt,
  removedAt: liveEntries.removedAt,
  removedByName: removedBy.name,
  revisionCount: liveEntryRevisions.number,
  headline: liveEntryRevisions.headline,
  body: liveEntryRevisions.body,
  authorIds: liveEntryRevisions.authorIds,
};

// Read after every entry written and for every render of a live page, so built once.
const entryQueries = preparedQuery((db) => {
  const select = () =>
    db
      .select(entryColumns)
      .from(liveEntries)
      .innerJoin(liveEntryRevisions, eq(liveEntryRevisions.id, liveEntries.currentRevisionId))
      .innerJoin(users, eq(users.id, liveEntries.postedBy))
      .leftJoin(removedBy, eq(removedBy.id, liveEntries.removedBy));
  return {
    one: select()
      .where(and(eq(liveEntries.id, sql.placeholder('entryId')), eq(liveEntries.articleId, sql.placeholder('articleId'))))
      .prepare(),
    all: select()
      .where(eq(liveEntries.articleId, sql.placeholder('articleId')))
      .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
      .prepare(),
    shown: select()
      .where(and(eq(liveEntries.articleId, sql.placeholder('articleId')), isNull(liveEntries.removedAt)))
      .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
      .prepare(),
    authors: db
      .select({ id: authors.id, name: authors.name, slug: authors.slug })
      .from(authors)
      .where(inIds(authors.id))
      .prepare(),
  };
});

type EntryRow = NonNullable<ReturnType<ReturnType<typeof entryQueries>['one']['get']>>;

/** Rows as desk entries: photos and credited authors read for all of them at once. */
function toDeskEntries(db: Db | Tx, rows: EntryRow[]): DeskLiveEntry[] {
  const bodies = rows.map((row) => row.body as BodyDoc);
  const views = loadPhotoViews(db, bodies.flatMap((body) => bodyPhotoUses(body).map((use) => use.photoId)));
  const authorIds = [...new Set(rows.flatMap((row) => row.authorIds))];
  const named = new Map(
    (authorIds.length === 0 ? [] : entryQueries(db).authors.all({ ids: JSON.stringify(authorIds) })).map((author) => [author.id, author]),
  );
  return rows.map((row) => {
    const body = row.body as BodyDoc;
    const photos: Record<number, PublicPhoto> = {};
    for (const use of bodyPhotoUses(body)) {
      const view = views.get(use.photoId);
      if (view) photos[view.id] = publicPhotoOf(view);
    }
    return {
      id: row.id,
      headline: row.headline,
      body,
      photos,
      authors: row.authorIds.flatMap((id) => named.get(id) ?? []),
      postedAt: row.postedAt.toISOString(),
      updatedAt: row.updatedAt?.toISOString() ?? null,
      pinned: row.pinnedAt !== null,
      version: row.version,
      postedById: row.postedById,
      postedByName: row.postedByName,
      revisionCount: row.revisionCount,
      removedAt: row.removedAt?.toISOString() ?? null,
      removedByName: row.removedByName,
    };
  });
}

/** What readers see of an entry: nothing of who typed it or its versions. */
export function publicEntryOf(entry: DeskLiveEntry): PublicLiveEntry {
  const { id, headline, body, photos, authors: credited, postedAt, updatedAt, pinned } = entry;
  return { id, headline, body, photos, authors: credited, postedAt, updatedAt, pinned };
}

/** One entry of this story, removed or not, with no permission check; NOT_FOUND when there is none. */
export function unsafeLoadEntry(db: Db | Tx, articleId: number, entryId: number): DeskLiveEntry {
  const row = entryQueries(db).one.get({ articleId, entryId });
  if (!row) throw new AppError('NOT_FOUND', 'No such entry in this live story.');
  return toDeskEntries(db, [row])[0]!;
}

const latestEventQuery = preparedQuery((db) => db.select({ id: max(liveEvents.id) }).from(liveEvents).prepare());

/** The newest event committed, of any story: where a stream that starts now begins. */
export function latestLiveEventId(db: Db | Tx = getDb()): number {
  return latestEventQuery(db).get()?.id ?? 0;
}

/**
 * The coverage of a public live story as its page shows it: the entries not removed, pinned first
 * then newest first, and the event the page is current to. No permission check: the caller
 * has found the story public.
 */
export function publicLiveCoverage(
  story: { id: number; coverageStartedAt: Date | null; firstPublishedAt: Date | null; coverageEndedAt: Date | null; keyPoints: string[] },
  db: Db | Tx = getDb(),
): PublicLiveCoverage {
  // Read in one transaction (or within the caller's), so the event id names exactly the state the entries show.
  return db.transaction((tx) => ({
    startedAt: coverageStart(story)?.toISOString() ?? null,
    endedAt: story.coverageEndedAt?.toISOString() ?? null,
    keyPoints: story.keyPoints,
    entries: inReadingOrder(toDeskEntries(tx, entryQueries(tx).shown.all({ articleId: story.id })).map(publicEntryOf)),
    lastEventId: latestLiveEventId(tx),
  }));
}

const draftQuery = preparedQuery((db) =>
  db
    .select({ headline: liveEntryDrafts.headline, body: liveEntryDrafts.body, authorIds: liveEntryDrafts.authorIds, savedAt: liveEntryDrafts.savedAt })
    .from(liveEntryDrafts)
    .where(and(eq(liveEntryDrafts.articleId, sql.placeholder('articleId')), eq(liveEntryDrafts.userId, sql.placeholder('userId'))))
    .prepare(),
);

/** The live desk of a story the user may see: its coverage, every entry, and their unposted entry. */
export function getLiveDesk(user: SessionUser, articleId: number): LiveDesk {
  const db = getDb();
  const story = findLiveStory(db, user, articleId);
  const draft = draftQuery(db).get({ articleId, userId: user.id });
  const profiles: FilingName[] = listAuthors(db);
  return {
    articleId,
    authorId: story.authorId,
    headline: story.headline,
    slug: isPlaceholderSlug(story.slug) ? null : story.slug,
    public: story.isPublic,
    startedAt: coverageStart(story)?.toISOString() ?? null,
    endedAt: story.coverageEndedAt?.toISOString() ?? null,
    keyPoints: story.keyPoints,
    entries: inReadingOrder(toDeskEntries(db, entryQueries(db).all.all({ articleId }))),
    draft: draft ? { headline: draft.headline, body: draft.body as BodyDoc, authorIds: draft.authorIds, savedAt: draft.savedAt.toISOString() } : null,
    authors: profiles.map(({ id, name, slug }) => ({ id, name, slug })),
    ownAuthorId: ownAuthorProfileId(db, user.id),
  };
}

/** One entry of a live story the user may see. */
export function getLiveEntry(user: SessionUser, articleId: number, entryId: number): DeskLiveEntry {
  const db = getDb();
  findLiveStory(db, user, articleId);
  return unsafeLoadEntry(db, articleId, entryId);
}

const entryRevisionsQuery = preparedQuery((db) =>
  db
    .select({
      number: liveEntryRevisions.number,
      headline: liveEntryRevisions.headline,
      bodyText: liveEntryRevisions.bodyText,
      editedByName: users.name,
      createdAt: liveEntryRevisions.createdAt,
    })
    .from(liveEntryRevisions)
    .innerJoin(users, eq(users.id, liveEntryRevisions.editedBy))
    .where(eq(liveEntryRevisions.entryId, sql.placeholder('entryId')))
    .orderBy(asc(liveEntryRevisions.number))
    .prepare(),
);

/** Every version of an entry's text, oldest first, for the desk to compare. */
export function listEntryRevisions(user: SessionUser, articleId: number, entryId: number): LiveEntryRevision[] {
  const db = getDb();
  findLiveStory(db, user, articleId);
  unsafeLoadEntry(db, articleId, entryId);
  return entryRevisionsQuery(db)
    .all({ entryId })
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export type StoredLiveEvent = { id: number; articleId: number; kind: LiveEventKind; data: string };

const eventQueries = preparedQuery((db) => ({
  ofStory: db
    .select({ id: liveEvents.id, articleId: liveEvents.articleId, kind: liveEvents.kind, data: liveEvents.data })
    .from(liveEvents)
    .where(and(eq(liveEvents.articleId, sql.placeholder('articleId')), gt(liveEvents.id, sql.placeholder('after')), sql`${liveEvents.id} <= ${sql.placeholder('upTo')}`))
    .orderBy(asc(liveEvents.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
  all: db
    .select({ id: liveEvents.id, articleId: liveEvents.articleId, kind: liveEvents.kind, data: liveEvents.data })
    .from(liveEvents)
    .where(gt(liveEvents.id, sql.placeholder('after')))
    .orderBy(asc(liveEvents.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
}));

/** One story's events after `after` up to `upTo`, oldest first: what a reconnecting reader missed. */
export function liveEventsOfStory(articleId: number, after: number, upTo: number, limit: number, db: Db = getDb()): StoredLiveEvent[] {
  return withRemovalsApplied(db, eventQueries(db).ofStory.all({ articleId, after, upTo, limit }));
}

/** Every story's events after `after`, oldest first: what the process's broadcaster has not yet sent. */
export function liveEventsAfter(after: number, limit: number, db: Db = getDb()): StoredLiveEvent[] {
  return withRemovalsApplied(db, eventQueries(db).all.all({ after, limit }));
}

/**
 * Events are stored as they were sent; a story's legal removals made since apply to them on their
 * way to a reader, as to everything else the public reads (docs/decisions/024).
 */
function withRemovalsApplied(db: Db, events: StoredLiveEvent[]): StoredLiveEvent[] {
  if (events.length === 0) return events;
  const patterns = removalPatternsOf(db, events.map((event) => event.articleId));
  if (patterns.size === 0) return events;
  return events.map((event) => {
    const pattern = patterns.get(event.articleId);
    return pattern ? { ...event, data: JSON.stringify(redactPublished(JSON.parse(event.data) as unknown, pattern)) } : event;
  });
}

const storyCoverageQuery = preparedQuery((db) =>
  db
    .select({
      format: articles.format,
      liveRevisionId: articles.liveRevisionId,
      withdrawnAt: articles.withdrawnAt,
      coverageStartedAt: articles.coverageStartedAt,
      coverageEndedAt: articles.coverageEndedAt,
      keyPoints: articles.keyPoints,
    })
    .from(articles)
    .where(eq(articles.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * A story's format, its place on the public site and its coverage, with no permission check: for
 * the public page (which adds the coverage of a live story) and the event stream (which serves only
 * a public one).
 */
export function unsafeLoadStoryCoverage(db: Db | Tx, articleId: number) {
  return storyCoverageQuery(db).get({ id: articleId });
}

/** Whether readers may follow this story's events: `live` while its coverage is on, `ended` after. */
export function liveStreamState(articleId: number, db: Db = getDb()): 'live' | 'ended' | 'none' {
  const row = unsafeLoadStoryCoverage(db, articleId);
  if (!row || row.format !== 'live' || row.liveRevisionId === null || row.withdrawnAt !== null) return 'none';
  return row.coverageEndedAt === null ? 'live' : 'ended';
}

const ownProfileQuery = preparedQuery((db) =>
  db.select({ id: authors.id }).from(authors).where(eq(authors.userId, sql.placeholder('userId'))).prepare(),
);

/** The author profile of this staff member, credited on their entries by default; null without one. */
export function ownAuthorProfileId(db: Db | Tx, userId: number): number | null {
  return ownProfileQuery(db).get({ userId })?.id ?? null;
}

/** Of these author profile ids, those that do not exist. */
export function unknownAuthorIds(db: Db | Tx, ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  const found = new Set(entryQueries(db).authors.all({ ids: JSON.stringify(ids) }).map((author) => author.id));
  return ids.filter((id) => !found.has(id));
}
