import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { previewLinks } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { PreviewLinkView } from '@/lib/preview-links/preview-link';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { findShareableArticle, unsafeListPreviewLinks } from './queries';

/** Ends a preview link at once: its next opening is refused. Answers the article's links as they are now. */
export function revokePreviewLink(user: SessionUser, articleId: number, linkId: number, now = new Date()): PreviewLinkView[] {
  return getDb().transaction(
    (tx) => {
      findShareableArticle(tx, user, articleId);
      const link = tx
        .select({ revokedAt: previewLinks.revokedAt })
        .from(previewLinks)
        .where(and(eq(previewLinks.id, linkId), eq(previewLinks.articleId, articleId)))
        .get();
      if (!link) throw new AppError('NOT_FOUND', 'No such preview link on this story.');
      // Revoking twice (two people at once, a double click) is no error: the link is off either way.
      if (link.revokedAt === null) {
        tx.update(previewLinks)
          .set({ revokedAt: now, revokedBy: user.id })
          .where(and(eq(previewLinks.id, linkId), isNull(previewLinks.revokedAt)))
          .run();
        recordAudit(tx, { actorId: user.id, action: 'preview.revoke', targetType: 'article', targetId: articleId, details: { link: linkId } });
      }
      return unsafeListPreviewLinks(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}
