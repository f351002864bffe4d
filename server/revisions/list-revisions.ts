import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { revisions, users } from '@/db/schema';
import type { RevisionKind } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';

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
  findVisibleArticle(db, user, articleId);
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
