import 'server-only';
import { and, desc, eq, inArray, ne, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '@/db/client';
import { getDb, preparedQuery } from '@/db/client';
import { articles, revisions, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import { editRefusal } from '@/lib/article-edit-rules';
import type { ArticlePublication, ArticleView, ReturnNote } from '@/lib/article-view';
import type { WorkflowSubject } from '@/lib/article-workflow';
import { isPlaceholderSlug } from '@/lib/slug';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';
import { unsafeLoadFiling } from '@/server/filing/queries';
import { leadPhotoOf, photosOfDraft } from './publish-blockers';

/** Which articles a person may see: the copy desk sees all; a writer, their own and everything submitted. */
type ArticleScope = 'any' | 'own_or_submitted' | 'own';

function articleScopeOf(user: SessionUser): ArticleScope {
  if (can(user, 'article:read:any')) return 'any';
  return can(user, 'article:read:submitted') ? 'own_or_submitted' : 'own';
}

function visibleIn(scope: ArticleScope, userId: number | Placeholder): SQL | undefined {
  if (scope === 'any') return undefined;
  const own = eq(articles.authorId, userId);
  return scope === 'own_or_submitted' ? or(own, ne(articles.status, 'draft')) : own;
}

/** The articles this person may see, as a query filter. */
export function articlesVisibleTo(user: SessionUser): SQL | undefined {
  return visibleIn(articleScopeOf(user), user.id);
}

const lastEditor = alias(users, 'last_editor');
const scheduler = alias(users, 'scheduler');
const liveRevision = alias(revisions, 'live_revision');

/** On the public site now: published once, and not withdrawn since. */
export const isLive = sql<number>`(${articles.liveRevisionId} is not null and ${articles.withdrawnAt} is null)`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

// Read after every write of the desk, so built once.
const articleViewQuery = preparedQuery((db) =>
  db
    .select({
      id: articles.id,
      status: articles.status,
      format: articles.format,
      version: articles.version,
      authorId: articles.authorId,
      authorName: users.name,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      datelinePlace: revisions.datelinePlace,
      datelineSource: revisions.datelineSource,
      byline: revisions.byline,
      leadPhotoId: revisions.leadPhotoId,
      leadPhotoCaption: revisions.leadPhotoCaption,
      leadPhotoCredit: revisions.leadPhotoCredit,
      body: revisions.body,
      revisionNumber: revisions.number,
      revisionKind: revisions.kind,
      lastEditedAt: articles.lastEditedAt,
      lastEditedByName: lastEditor.name,
      slug: articles.slug,
      workingRevisionId: articles.workingRevisionId,
      liveRevisionId: articles.liveRevisionId,
      liveRevisionNumber: liveRevision.number,
      firstPublishedAt: articles.firstPublishedAt,
      updatedAt: articles.updatedAt,
      withdrawnAt: articles.withdrawnAt,
      scheduledFor: articles.scheduledFor,
      scheduledByName: scheduler.name,
      scheduleFailure: articles.scheduleFailure,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .leftJoin(lastEditor, eq(lastEditor.id, articles.lastEditedBy))
    .leftJoin(scheduler, eq(scheduler.id, articles.scheduledBy))
    .leftJoin(liveRevision, eq(liveRevision.id, articles.liveRevisionId))
    .where(eq(articles.id, sql.placeholder('id')))
    .prepare(),
);

/** Reads one article's view with no permission check: callers check first, hence the name. */
export function unsafeLoadArticleView(db: Db | Tx, id: number): ArticleView | undefined {
  const row = articleViewQuery(db).get({ id });
  if (!row) return undefined;
  const { leadPhotoId, leadPhotoCaption, leadPhotoCredit, workingRevisionId, liveRevisionId, ...fields } = row;
  // Bodies were checked against the schema when they were written.
  const draft = { headline: row.headline, leadPhoto: leadPhotoOf({ leadPhotoId, leadPhotoCaption, leadPhotoCredit }), body: row.body as BodyDoc };
  const publication: ArticlePublication = {
    slug: isPlaceholderSlug(row.slug) ? null : row.slug,
    ...liveState({ workingRevisionId, liveRevisionId, withdrawnAt: row.withdrawnAt }),
    liveRevisionNumber: row.liveRevisionNumber,
    firstPublishedAt: iso(row.firstPublishedAt),
    updatedAt: iso(row.updatedAt),
    withdrawnAt: iso(row.withdrawnAt),
    scheduledFor: iso(row.scheduledFor),
    scheduledByName: row.scheduledByName,
    scheduleFailure: row.scheduleFailure,
  };
  return {
    ...fields,
    ...draft,
    ...photosOfDraft(db, draft),
    ...publication,
    lastEditedAt: row.lastEditedAt.toISOString(),
    returnNote: row.status === 'draft' ? latestReturnNote(db, id) : null,
    filing: unsafeLoadFiling(db, id),
  };
}

function liveState(row: { workingRevisionId: number | null; liveRevisionId: number | null; withdrawnAt: Date | null }) {
  return {
    live: row.liveRevisionId !== null && row.withdrawnAt === null,
    hasUnpublishedChanges: row.liveRevisionId !== null && row.workingRevisionId !== row.liveRevisionId,
  };
}

const reviewTripsQuery = preparedQuery((db) =>
  db
    .select({ number: revisions.number, kind: revisions.kind, note: revisions.changeNote, byName: users.name, at: revisions.createdAt })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.articleId, sql.placeholder('articleId')), inArray(revisions.kind, ['submit', 'return'])))
    .orderBy(desc(revisions.number))
    .limit(2)
    .prepare(),
);

/** The copy desk's note, when the article's last trip through review ended with it being sent back. */
function latestReturnNote(db: Db | Tx, articleId: number): ReturnNote | null {
  const [last, before] = reviewTripsQuery(db).all({ articleId });
  if (last?.kind !== 'return' || !last.note) return null;
  return {
    note: last.note,
    byName: last.byName,
    at: last.at.toISOString(),
    submittedRevision: before?.kind === 'submit' ? before.number : null,
    returnedRevision: last.number,
  };
}

export const ARTICLE_NOT_FOUND = 'No article with that id, or it is not yours to see.';

/**
 * The lifecycle row of an article the user may see, for a write to check (status, owner, version,
 * lock, publication); NOT_FOUND when it does not exist or is not theirs to see.
 */
export function findVisibleArticle(db: Db | Tx, user: SessionUser, id: number) {
  const article = lifecycleQuery(db, articleScopeOf(user)).get({ id, userId: user.id });
  if (!article) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);
  return article;
}

/** The lifecycle row with no permission check, for the system's own steps (the scheduler). */
export function unsafeFindArticleLifecycle(db: Db | Tx, id: number) {
  return lifecycleQuery(db, 'any').get({ id });
}

// Every write of the desk starts here, so one query per scope, built once.
const lifecycleQuery = preparedQuery((db, scope: ArticleScope) =>
  db
    .select({
      id: articles.id,
      slug: articles.slug,
      status: articles.status,
      authorId: articles.authorId,
      version: articles.version,
      workingRevisionId: articles.workingRevisionId,
      liveRevisionId: articles.liveRevisionId,
      firstPublishedAt: articles.firstPublishedAt,
      withdrawnAt: articles.withdrawnAt,
      scheduledFor: articles.scheduledFor,
      scheduledBy: articles.scheduledBy,
    })
    .from(articles)
    .where(and(eq(articles.id, sql.placeholder('id')), visibleIn(scope, sql.placeholder('userId'))))
    .prepare(),
);

export type ArticleLifecycle = ReturnType<typeof findVisibleArticle>;

/** What the workflow rules need to know of a lifecycle row. */
export function workflowSubjectOf(article: ArticleLifecycle): WorkflowSubject {
  return { authorId: article.authorId, status: article.status, firstPublishedAt: article.firstPublishedAt, ...liveState(article) };
}

/** The article as the user may edit it; FORBIDDEN (with the reason) when they may only look. */
export function findEditableArticle(db: Db | Tx, user: SessionUser, id: number) {
  const article = findVisibleArticle(db, user, id);
  const refusal = editRefusal(user, article);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  return article;
}

/** The article view that a write just made; its absence inside the write's own transaction is a bug. */
export function loadArticleViewAfterWrite(tx: Tx, id: number): ArticleView {
  const view = unsafeLoadArticleView(tx, id);
  if (!view) throw new Error(`article ${id} vanished inside its own write`);
  return view;
}

/**
 * A write based on an old version is refused with the article as it is now, so the person sees
 * what changed and chooses; `consequence` says what became of their request.
 */
export function staleVersionConflict(db: Db | Tx, id: number, consequence: string): AppError {
  const current = unsafeLoadArticleView(db, id);
  const who = current?.lastEditedByName ?? 'Someone';
  return new AppError('CONFLICT', `${who} saved this article after you opened it. ${consequence}`, { current });
}

export function getArticle(user: SessionUser, id: number): ArticleView {
  const db = getDb();
  findVisibleArticle(db, user, id);
  const view = unsafeLoadArticleView(db, id);
  if (!view) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);
  return view;
}
