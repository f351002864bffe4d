import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import type { MarkNotificationsReadInput } from '@/lib/validation/notifications';
import { unreadCount } from './list-notifications';

/**
 * Marks the person's own notifications read, the listed ones or all, and answers how many remain
 * unread. Ids that are not theirs are ignored rather than refused: a refusal would tell the asker
 * that the id exists and belongs to someone else, and there is nothing for them to put right.
 * Already-read ones keep the time they were first read. Not audited: reading one's own
 * notifications changes nothing anyone else sees.
 */
export function markNotificationsRead(user: SessionUser, input: MarkNotificationsReadInput, now = new Date()): number {
  return getDb().transaction((tx) => {
    tx.update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.recipientId, user.id),
          isNull(notifications.readAt),
          'all' in input ? undefined : inArray(notifications.id, input.ids),
        ),
      )
      .run();
    return unreadCount(user, tx);
  });
}
