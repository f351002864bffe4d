import 'server-only';
import { and, desc, eq, lt, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { articles, revisions, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import { editRefusal } from '@/lib/article-edit-rules';
import type { ArticleView, DeskArticle } from '@/lib/article-view';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';
import type { DeskListQuery } from '@/lib/validation/article';
import { decodeCursor, encodeCursor } from '@/server/pagination/cursor';
import { leadPhotoOf, photosOfDraft } from '@/server/photos/publish-blockers';

/** The articles this person may see: the copy desk sees all; a writer, their own and everything submitted. */
export function articlesVisibleTo(user: SessionUser): SQL | undefined {
  if (can(user, 'article:read:any')) return undefined;
  const own = eq(articles.authorId, user.id);
  return can(user, 'article:read:submitted') ? or(own, ne(articles.status, 'draft')) : own;
}

const lastEditor = alias(users, 'last_editor');

/** Reads one article's view with no permission check: callers check first, hence the name. */
export function unsafeLoadArticleView(db: Db | Tx, id: number): ArticleView | undefined {
  const row = db
    .select({
      id: articles.id,
      status: articles.status,
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
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .leftJoin(lastEditor, eq(lastEditor.id, articles.lastEditedBy))
    .where(eq(articles.id, id))
    .get();
  if (!row) return undefined;
  const { leadPhotoId, leadPhotoCaption, leadPhotoCredit, ...fields } = row;
  // Bodies were checked against the schema when they were written.
  const draft = { leadPhoto: leadPhotoOf({ leadPhotoId, leadPhotoCaption, leadPhotoCredit }), body: row.body as BodyDoc };
  return { ...fields, ...draft, ...photosOfDraft(db, draft), lastEditedAt: row.lastEditedAt.toISOString() };
}

export const ARTICLE_NOT_FOUND = 'No article with that id, or it is not yours to see.';

/**
 * The lifecycle row of an article the user may see, for a write to check (status, owner, version,
 * lock); NOT_FOUND when it does not exist or is not theirs to see.
 */
export function findVisibleArticle(db: Db | Tx, user: SessionUser, id: number) {
  const article = db
    .select({
      status: articles.status,
      authorId: articles.authorId,
      version: articles.version,
      workingRevisionId: articles.workingRevisionId,
      lockedBy: articles.lockedBy,
      lockedSince: articles.lockedSince,
      lockHeartbeatAt: articles.lockHeartbeatAt,
    })
    .from(articles)
    .where(and(eq(articles.id, id), articlesVisibleTo(user)))
    .get();
  if (!article) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);
  return article;
}

/** The article as the user may edit it; FORBIDDEN (with the reason) when they may only look. */
export function findEditableArticle(db: Db | Tx, user: SessionUser, id: number) {
  const article = findVisibleArticle(db, user, id);
  const refusal = editRefusal(user, article);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  return article;
}

export function getArticle(user: SessionUser, id: number): ArticleView {
  const db = getDb();
  findVisibleArticle(db, user, id);
  const view = unsafeLoadArticleView(db, id);
  if (!view) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);
  return view;
}

export const DESK_PAGE_SIZE = 25;

/** Newest first by last edit; the cursor is the last row shown, so new edits never shift a page. */
export function listDeskArticles(
  user: SessionUser,
  query: DeskListQuery,
  pageSize = DESK_PAGE_SIZE,
): { items: DeskArticle[]; nextCursor: string | null } {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = getDb()
    .select({
      id: articles.id,
      headline: revisions.headline,
      status: articles.status,
      authorName: users.name,
      lastEditedAt: articles.lastEditedAt,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(
      and(
        articlesVisibleTo(user),
        query.status ? eq(articles.status, query.status) : undefined,
        after
          ? or(
              lt(articles.lastEditedAt, new Date(after.at)),
              and(eq(articles.lastEditedAt, new Date(after.at)), lt(articles.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(articles.lastEditedAt), desc(articles.id))
    .limit(pageSize + 1)
    .all();

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, lastEditedAt: row.lastEditedAt.toISOString() })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ at: last.lastEditedAt.getTime(), id: last.id }) : null,
  };
}
