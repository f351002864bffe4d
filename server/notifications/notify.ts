import 'server-only';
import { sql } from 'drizzle-orm';
import { preparedQuery, type Tx } from '@/db/client';
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
 * happen. Nobody is told about their own doing.
 */
export function notify(tx: Tx, event: NotificationEvent): void {
  if (event.actorId === event.recipientId) return;
  insertNotification(tx).run({
    recipientId: event.recipientId,
    kind: event.kind,
    articleId: event.articleId,
    actorId: event.actorId,
    commentId: event.commentId ?? null,
  });
}
