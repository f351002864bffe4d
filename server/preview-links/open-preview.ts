import 'server-only';
import { eq } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { articles, previewLinks } from '@/db/schema';
import type { PublicArticle } from '@/lib/public/public-article';
import { recordAudit } from '@/server/audit/record-audit';
import { log } from '@/server/log/logger';
import { unsafePreviewStory } from '@/server/public/queries';
import { hashToken } from '@/server/users/user-tokens';
import { assertSignedPreviewToken, PreviewRefusal } from './preview-token';

/**
 * The link a token opens, if it may be opened now; a PreviewRefusal otherwise. Nobody is signed in:
 * the token is the only credential, so each check is made on every request, and a revocation or
 * an expiry takes effect on the next one.
 */
export function checkPreviewLink(db: Db | Tx, articleId: number, token: string, now: Date) {
  assertSignedPreviewToken(token);
  const link = db
    .select({ id: previewLinks.id, articleId: previewLinks.articleId, revisionId: previewLinks.revisionId, expiresAt: previewLinks.expiresAt, revokedAt: previewLinks.revokedAt })
    .from(previewLinks)
    .where(eq(previewLinks.tokenHash, hashToken(token)))
    .get();
  if (!link) throw new PreviewRefusal('unknown');
  if (link.articleId !== articleId) throw new PreviewRefusal('wrong-article');
  if (link.revokedAt !== null) throw new PreviewRefusal('revoked');
  if (link.expiresAt.getTime() <= now.getTime()) throw new PreviewRefusal('expired');
  return link;
}

/** Checks a preview token without opening it; the log says why one was refused. */
export function previewRefusalOf(articleId: number, token: string, now = new Date()): PreviewRefusal | null {
  try {
    checkPreviewLink(getDb(), articleId, token, now);
    return null;
  } catch (error) {
    if (!(error instanceof PreviewRefusal)) throw error;
    log.warn({ articleId, reason: error.reason }, 'preview link refused');
    return error;
  }
}

export type OpenedPreview = { article: PublicArticle; revisionNumber: number; followsLatest: boolean };

/**
 * Opens a preview link: the story as the public page would show the revision it was made for, or
 * the working copy as it is now. The opening is written to the article's audit and to the link's
 * "last opened" in one transaction; a refused token changes nothing.
 */
export function openPreview(articleId: number, token: string, now = new Date()): OpenedPreview {
  try {
    return getDb().transaction(
      (tx) => {
        const link = checkPreviewLink(tx, articleId, token, now);
        const revisionId = link.revisionId ?? tx.select({ id: articles.workingRevisionId }).from(articles).where(eq(articles.id, articleId)).get()?.id;
        const article = revisionId == null ? undefined : unsafePreviewStory(tx, articleId, revisionId, now);
        // A link is only made for a story with text, and revisions are never deleted.
        if (!article) throw new Error(`preview link ${link.id} has no text to show`);
        tx.update(previewLinks).set({ lastOpenedAt: now }).where(eq(previewLinks.id, link.id)).run();
        recordAudit(tx, {
          actorId: null,
          action: 'preview.open',
          targetType: 'article',
          targetId: articleId,
          details: { link: link.id, revision: article.version },
        });
        return { article, revisionNumber: article.version, followsLatest: link.revisionId === null };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (error instanceof PreviewRefusal) log.warn({ articleId, reason: error.reason }, 'preview link refused');
    throw error;
  }
}
