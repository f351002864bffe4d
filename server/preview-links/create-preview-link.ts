import 'server-only';
import { getDb } from '@/db/client';
import { previewLinks } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { type CreatedPreviewLink, type CreatePreviewLinkInput, previewPath } from '@/lib/preview-links/preview-link';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { hashToken } from '@/server/users/user-tokens';
import { findShareableArticle, unsafeListPreviewLinks } from './queries';
import { newPreviewToken } from './preview-token';

/**
 * A preview link for someone without an account: of the working copy as it is now (that revision,
 * kept as it is) or of whatever the working copy is when the link is opened. The address is in the
 * answer and nowhere else: only its token's hash is stored.
 */
export function createPreviewLink(user: SessionUser, articleId: number, input: CreatePreviewLinkInput, now = new Date()): CreatedPreviewLink {
  const token = newPreviewToken();
  return getDb().transaction(
    (tx) => {
      const article = findShareableArticle(tx, user, articleId);
      if (article.workingRevisionId === null) throw new AppError('INVALID', 'This story has no text to preview yet.');
      if (article.workingRevisionId === article.liveRevisionId && article.withdrawnAt === null) {
        throw new AppError('INVALID', 'Readers already see this version: there is nothing unpublished to preview. Share the story’s own address.');
      }
      const revisionId = input.shows === 'version' ? article.workingRevisionId : null;
      const expiresAt = new Date(now.getTime() + input.hours * 3_600_000);
      const { id } = tx
        .insert(previewLinks)
        .values({ articleId, revisionId, tokenHash: hashToken(token), createdBy: user.id, createdAt: now, expiresAt })
        .returning({ id: previewLinks.id })
        .get();
      recordAudit(tx, {
        actorId: user.id,
        action: 'preview.create',
        targetType: 'article',
        targetId: articleId,
        details: { link: id, shows: input.shows, expiresAt: expiresAt.toISOString() },
      });
      const link = unsafeListPreviewLinks(tx, articleId).find((each) => each.id === id)!;
      return { link, path: previewPath(articleId, token) };
    },
    { behavior: 'immediate' },
  );
}
