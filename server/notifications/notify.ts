import 'server-only';
import { sql } from 'drizzle-orm';
import { preparedQuery, type Tx } from '@/db/client';
import { notifications } from '@/db/schema';
import type { NotificationKind } from '@/lib/domain-constants';
import { queueNotificationMail } from '@/server/mail/queue-mail';

export type NotificationEvent = {
  recipientId: number;
  kind: NotificationKind;
  articleId: number;
  /** Null when the system acts (the scheduler publishing). */
  actorId: number | null;
  commentId?: number;
  /** For the email: what the person should read (the comment that mentions them, the return note). */
  quote?: string | null;
  /** A published story's update was a correction. */
  corrected?: boolean;
};

const insertNotification = preparedQuery((db) =>
  db
    .insert(notifications)
    .values({
      recipientId: sql.placeholder('recipientId'),
      kind: sql.placeholder('kind'),
      articleId: sql.placeholder('articleId'),
      actorId: sql.placeholder('actorId'),
      commentId: sql.placeholder('commentId'),
    })
    .prepare(),
);

/**
 * Written in the transaction of the change it reports, so the bell never announces what did not
 * happen; the email (as the person chose to get it) is queued in the same transaction. Nobody is
 * told about their own doing.
 */
export function notify(tx: Tx, event: NotificationEvent, now: Date): void {
  if (event.actorId === event.recipientId) return;
  insertNotification(tx).run({
    recipientId: event.recipientId,
    kind: event.kind,
    articleId: event.articleId,
    actorId: event.actorId,
    commentId: event.commentId ?? null,
  });
  queueNotificationMail(tx, event, now);
}
