import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { type Db, getDb, preparedQuery, type Tx } from '@/db/client';
import { previewLinks, revisions, users } from '@/db/schema';
import type { PreviewLinkView } from '@/lib/preview-links/preview-link';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';
import { assertCanOn } from '@/server/policy';

/** The article, if this person may make and revoke its preview links; NOT_FOUND or FORBIDDEN otherwise. */
export function findShareableArticle(db: Db | Tx, user: SessionUser, articleId: number) {
  const article = findVisibleArticle(db, user, articleId);
  assertCanOn(user, 'preview:share', article, 'Only the story’s writer and the desk may share previews of it.');
  return article;
}

/** The article's preview links, newest first, with who made each and the revision it shows. */
export function listPreviewLinks(user: SessionUser, articleId: number, db: Db | Tx = getDb()): PreviewLinkView[] {
  findShareableArticle(db, user, articleId);
  return unsafeListPreviewLinks(db, articleId);
}

export function unsafeListPreviewLinks(db: Db | Tx, articleId: number): PreviewLinkView[] {
  return db
    .select({
      id: previewLinks.id,
      revisionNumber: revisions.number,
      createdByName: users.name,
      createdAt: previewLinks.createdAt,
      expiresAt: previewLinks.expiresAt,
      revokedAt: previewLinks.revokedAt,
      lastOpenedAt: previewLinks.lastOpenedAt,
    })
    .from(previewLinks)
    .innerJoin(users, eq(users.id, previewLinks.createdBy))
    .leftJoin(revisions, eq(revisions.id, previewLinks.revisionId))
    .where(eq(previewLinks.articleId, articleId))
    .orderBy(desc(previewLinks.id))
    .all()
    .map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      lastOpenedAt: row.lastOpenedAt?.toISOString() ?? null,
    }));
}

const pinnedQuery = preparedQuery((db) =>
  db
    .select({ id: previewLinks.id })
    .from(previewLinks)
    .where(eq(previewLinks.revisionId, sql.placeholder('revisionId')))
    .limit(1)
    .prepare(),
);

/**
 * Whether a preview link shows exactly this revision. Such a revision is never rewritten by a later
 * autosave (save-article.ts): the link shows the text it was made for.
 */
export function isPreviewedRevision(tx: Tx, revisionId: number): boolean {
  return pinnedQuery(tx).get({ revisionId }) !== undefined;
}
