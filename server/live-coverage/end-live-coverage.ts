import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCanOn } from '@/server/policy';
import { findLiveStory } from './queries';
import { recordLiveEvent } from './record-live-event';

/**
 * End live coverage: sets the end time, takes the "Live" label off, closes every reader's stream,
 * and leaves the page as a cached archive. Entries can still be corrected; no more are posted.
 */
export function endLiveCoverage(user: SessionUser, articleId: number, now = new Date()): void {
  getDb().transaction(
    (tx) => {
      const story = findLiveStory(tx, user, articleId);
      assertCanOn(user, 'live:manage', { authorId: story.authorId }, 'Only the story’s owner or the desk can end its live coverage.');
      if (story.coverageEndedAt) throw new AppError('CONFLICT', 'Live coverage of this story has already ended.');
      tx.update(articles).set({ coverageEndedAt: now }).where(eq(articles.id, articleId)).run();
      recordAudit(tx, { actorId: user.id, action: 'live.end', targetType: 'article', targetId: articleId });
      recordLiveEvent(tx, story, { kind: 'end', endedAt: now.toISOString() }, now);
    },
    { behavior: 'immediate' },
  );
}
