import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { ReviewQueueItem } from '@/lib/review-queue';
import type { SessionUser } from '@/lib/session-user';
import type { ClaimReviewInput } from '@/lib/validation/review';
import { findVisibleArticle } from '@/server/articles/queries';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { listReviewQueue } from './review-queue';

/**
 * Marks who on the copy desk is handling a story in review (or lets it go). A claim only says who
 * is on it; anyone on the desk may still approve or return. Taking a story someone else claimed is
 * allowed, but only knowingly: the request names the claimant the person saw.
 */
export function claimReview(user: SessionUser, articleId: number, input: ClaimReviewInput, now = new Date()): ReviewQueueItem[] {
  assertCan(user, 'article:review');
  return getDb().transaction(
    (tx) => {
      const article = findVisibleArticle(tx, user, articleId);
      if (article.status !== 'in_review') throw new AppError('CONFLICT', 'This story is no longer in review.');
      const current = tx
        .select({ id: articles.claimedBy, name: users.name })
        .from(articles)
        .leftJoin(users, eq(users.id, articles.claimedBy))
        .where(eq(articles.id, articleId))
        .get();
      const claimantId = current?.id ?? null;
      if (claimantId !== input.expectedClaimantId) {
        throw new AppError('CONFLICT', claimantId === null ? 'Nobody has this story any more.' : `${current?.name ?? 'Someone'} has claimed this story meanwhile.`);
      }
      if (!input.claim && claimantId !== user.id) throw new AppError('CONFLICT', 'Only whoever claimed a story lets it go.');
      tx.update(articles)
        .set(input.claim ? { claimedBy: user.id, claimedAt: now } : { claimedBy: null, claimedAt: null })
        .where(eq(articles.id, articleId))
        .run();
      recordAudit(tx, {
        actorId: user.id,
        action: input.claim ? 'article.claim' : 'article.unclaim',
        targetType: 'article',
        targetId: articleId,
        details: claimantId !== null && claimantId !== user.id ? { from: { id: claimantId, name: current?.name } } : undefined,
      });
      return listReviewQueue(user, tx);
    },
    { behavior: 'immediate' },
  );
}
