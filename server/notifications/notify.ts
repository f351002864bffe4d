import 'server-only';
import type { Tx } from '@/db/client';
import { notifications } from '@/db/schema';
import type { NotificationKind } from '@/lib/domain-constants';

export type NotificationEvent = {
  recipientId: number;
  kind: NotificationKind;
  articleId: number;
  /** Null when the system acts (the scheduler publishing). */
  actorId: number | null;
  commentId?: number;
};

/**
 * Written in the transaction of the change it reports, so the bell never announces what did not
 * happen. Nobody is told about their own doing.
 */
export function notify(tx: Tx, event: NotificationEvent): void {
  if (event.actorId === event.recipientId) return;
  tx.insert(notifications)
    .values({
      recipientId: event.recipientId,
      kind: event.kind,
      articleId: event.articleId,
      actorId: event.actorId,
      commentId: event.commentId ?? null,
    })
    .run();
}
