import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import type { KeyPointsInput } from '@/lib/validation/live-coverage';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCanOn } from '@/server/policy';
import { findLiveStory } from './queries';
import { recordLiveEvent } from './record-live-event';

/**
 * Replaces a live story's key points, public at once (they summarise what is known now, so they do
 * not wait for the copy desk as the story's text does). Based on the points the editor started
 * from: someone else's newer points are never overwritten unseen. The audit keeps every version.
 */
export function saveKeyPoints(user: SessionUser, articleId: number, input: KeyPointsInput, now = new Date()): string[] {
  return getDb().transaction(
    (tx) => {
      const story = findLiveStory(tx, user, articleId);
      assertCanOn(user, 'live:manage', { authorId: story.authorId }, 'Only the story’s owner or the desk can change its key points.');
      if (JSON.stringify(story.keyPoints) !== JSON.stringify(input.basedOn)) {
        throw new AppError('CONFLICT', 'Someone changed the key points after you opened them. Yours have not been saved.', { current: story.keyPoints });
      }
      tx.update(articles).set({ keyPoints: input.keyPoints }).where(eq(articles.id, articleId)).run();
      recordAudit(tx, { actorId: user.id, action: 'live.key_points', targetType: 'article', targetId: articleId, details: { keyPoints: input.keyPoints } });
      recordLiveEvent(tx, story, { kind: 'summary', keyPoints: input.keyPoints }, now);
      return input.keyPoints;
    },
    { behavior: 'immediate' },
  );
}
