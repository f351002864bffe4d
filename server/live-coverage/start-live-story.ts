import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { storyKey } from '@/lib/public/surrogate-keys';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { findVisibleArticle } from '@/server/articles/queries';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan, assertCanOn } from '@/server/policy';
import { recordPublicChange } from '@/server/public-cache/record-public-change';

/** New live story: a blank draft of a live story, owned by the user, that goes through the desk as any story. */
export function startLiveStory(user: SessionUser, now = new Date()): { id: number } {
  assertCan(user, 'live:manage:own');
  return createArticle(user, now, 'live');
}

/**
 * Turns an article into a live story, keeping everything it has. A story already public becomes a
 * live page at once, its coverage starting now; one not yet published starts coverage when it is.
 */
export function makeLiveStory(user: SessionUser, articleId: number, now = new Date()): void {
  getDb().transaction(
    (tx) => {
      const article = findVisibleArticle(tx, user, articleId);
      assertCanOn(user, 'live:manage', article, 'Only the story’s owner or the desk can make it a live story.');
      const { format } = tx.select({ format: articles.format }).from(articles).where(eq(articles.id, articleId)).get()!;
      if (format === 'live') throw new AppError('CONFLICT', 'This story is already a live story.');
      const isPublic = article.liveRevisionId !== null && article.withdrawnAt === null;
      tx.update(articles)
        .set({ format: 'live', coverageStartedAt: isPublic ? now : null })
        .where(eq(articles.id, articleId))
        .run();
      recordAudit(tx, { actorId: user.id, action: 'live.start', targetType: 'article', targetId: articleId });
      if (isPublic) recordPublicChange(tx, [storyKey(articleId)], now);
    },
    { behavior: 'immediate' },
  );
}
