import 'server-only';
import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type Db, getDb, type Tx } from '@/db/client';
import { articles, comments, notifications, revisions, users } from '@/db/schema';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import { commentExcerpt, type NotificationItem } from '@/lib/notification-view';
import type { SessionUser } from '@/lib/session-user';
import type { NotificationListQuery } from '@/lib/validation/notifications';

const NOTIFICATION_PAGE_SIZE = 20;

const actor = alias(users, 'actor');

/**
 * The person's own notifications, newest first. Keyset on id alone, not the shared time-and-id
 * cursor: a notification is written at the moment of its event and never re-dated, so id order is
 * creation order, and the (recipient, id) index answers each page without sorting.
 */
export function listNotifications(
  user: SessionUser,
  query: NotificationListQuery = {},
): { items: NotificationItem[]; nextCursor: string | null } {
  const pageSize = query.limit ?? NOTIFICATION_PAGE_SIZE;
  const rows = getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      articleId: notifications.articleId,
      headline: revisions.headline,
      actorName: actor.name,
      commentBody: comments.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .where(
      and(
        eq(notifications.recipientId, user.id),
        query.cursor === undefined ? undefined : lt(notifications.id, query.cursor),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(pageSize + 1)
    .all();

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map(({ commentBody, readAt, ...row }) => ({
      ...row,
      headline: row.headline || UNTITLED_HEADLINE,
      commentExcerpt: commentBody === null ? null : commentExcerpt(commentBody),
      createdAt: row.createdAt.toISOString(),
      read: readAt !== null,
    })),
    nextCursor: rows.length > pageSize && last ? String(last.id) : null,
  };
}

/** Counted in the caller's transaction when it has one, so a write answers with the count it left. */
export function unreadCount(user: SessionUser, db: Db | Tx = getDb()): number {
  const [row] = db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, user.id), isNull(notifications.readAt)))
    .all();
  return row?.unread ?? 0;
}
