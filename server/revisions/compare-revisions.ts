import 'server-only';
import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { revisions, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import type { ComparedRevision, RevisionComparison } from '@/lib/revision-comparison';
import { revisionLabel } from '@/lib/revision-history';
import { compareRevisions, type RevisionSnapshot } from '@/lib/revisions/revision-diff';
import type { SessionUser } from '@/lib/session-user';
import type { CompareQuery, RevisionRef } from '@/lib/validation/revisions';
import { type ArticleLifecycle, findVisibleArticle } from '@/server/articles/queries';
import { leadPhotoOf } from '@/server/articles/publish-blockers';
import { revisionOf } from './restore-revision';

type RevisionRow = typeof revisions.$inferSelect;

/**
 * Two revisions of one article compared field by field, as a reader reads them. Unnamed sides
 * default to what the desk asks most: the working copy against what the public sees, or, when the
 * public sees the working copy or nothing yet, against the last revision whose text was different.
 */
export function compareArticleRevisions(user: SessionUser, articleId: number, query: CompareQuery): RevisionComparison {
  return getDb().transaction((tx) => {
    const article = findVisibleArticle(tx, user, articleId);
    const to = resolve(tx, article, query.to ?? 'working');
    const from = query.from === undefined ? defaultBase(tx, article, to) : resolve(tx, article, query.from);
    return { from: sideOf(tx, article, from), to: sideOf(tx, article, to), diff: compareRevisions(snapshotOf(from), snapshotOf(to)) };
  });
}

function resolve(tx: Tx, article: ArticleLifecycle, ref: RevisionRef): RevisionRow {
  if (typeof ref === 'number') return revisionOf(tx, article.id, ref);
  const id = ref === 'live' ? article.liveRevisionId : article.workingRevisionId;
  if (id === null) throw new AppError('NOT_FOUND', ref === 'live' ? 'This story has not been published, so there is no live version.' : 'This article has no working copy.');
  return byId(tx, id);
}

function defaultBase(tx: Tx, article: ArticleLifecycle, to: RevisionRow): RevisionRow {
  if (article.liveRevisionId !== null && article.liveRevisionId !== to.id) return byId(tx, article.liveRevisionId);
  // Steps of the status flow copy the text unchanged: skip them to the last real change.
  const differing = tx
    .select()
    .from(revisions)
    .where(
      and(
        eq(revisions.articleId, article.id),
        lt(revisions.number, to.number),
        or(
          ne(revisions.headline, to.headline),
          ne(revisions.standfirst, to.standfirst),
          ne(revisions.datelinePlace, to.datelinePlace),
          ne(revisions.datelineSource, to.datelineSource),
          ne(revisions.byline, to.byline),
          // The stored JSON, so a changed caption, credit or emphasis in the body counts too.
          sql`${revisions.body} is not ${JSON.stringify(to.body)}`,
          // `is not` is null-safe: a lead photo added or taken away is a change too.
          sql`${revisions.leadPhotoId} is not ${to.leadPhotoId}`,
          sql`${revisions.leadPhotoCaption} is not ${to.leadPhotoCaption}`,
          sql`${revisions.leadPhotoCredit} is not ${to.leadPhotoCredit}`,
        ),
      ),
    )
    .orderBy(desc(revisions.number))
    .limit(1)
    .get();
  return differing ?? to;
}

function byId(tx: Tx, id: number): RevisionRow {
  const row = tx.select().from(revisions).where(eq(revisions.id, id)).get();
  if (!row) throw new Error(`revision ${id} vanished`);
  return row;
}

/** A revision's text and photos as stored, for a comparison. */
export function snapshotOf(row: RevisionRow): RevisionSnapshot {
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    datelinePlace: row.datelinePlace,
    datelineSource: row.datelineSource,
    byline: row.byline,
    section: row.section,
    leadPhoto: leadPhotoOf(row),
    body: row.body as BodyDoc,
  };
}

function sideOf(tx: Tx, article: ArticleLifecycle, row: RevisionRow): ComparedRevision {
  const author = tx.select({ name: users.name }).from(users).where(eq(users.id, row.authorId)).get();
  return {
    number: row.number,
    kind: row.kind,
    label: revisionLabel(row.kind, row.changeNote),
    authorName: author?.name ?? '',
    createdAt: row.createdAt.toISOString(),
    live: row.id === article.liveRevisionId,
    working: row.id === article.workingRevisionId,
  };
}
