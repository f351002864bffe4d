import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { RevisionKind } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { ARTICLE_NOT_FOUND, articlesVisibleTo } from '@/server/articles/queries';

export type RevisionSummary = {
  number: number;
  kind: RevisionKind;
  authorName: string;
  createdAt: string;
  changeNote: string | null;
  headline: string;
  bodyText: string;
};

/** An article's whole history, newest first, for anyone who may see the article. */
export function listRevisions(user: SessionUser, articleId: number): RevisionSummary[] {
  const db = getDb();
  const visible = db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), articlesVisibleTo(user)))
    .get();
  if (!visible) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);
  return db
    .select({
      number: revisions.number,
      kind: revisions.kind,
      authorName: users.name,
      createdAt: revisions.createdAt,
      changeNote: revisions.changeNote,
      headline: revisions.headline,
      bodyText: revisions.bodyText,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.number))
    .all()
    .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
