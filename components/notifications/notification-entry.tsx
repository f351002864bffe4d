'use client';

import Link from 'next/link';
import { formatDeskTime } from '@/lib/desk-time';
import { type NotificationItem, notificationText } from '@/lib/notification-view';
import { useMarkNotificationsRead } from './use-mark-notifications-read';

type Props = {
  item: NotificationItem;
  timeZone: string;
  now: Date;
  /** Called as the person follows the link to the story (the bell closes). */
  onOpen?: () => void;
};

/**
 * One notification in the bell or on the notifications page: what happened, linked to the story.
 * Following the link marks it read; if that fails it simply stays unread, which the person sees.
 */
export function NotificationEntry({ item, timeZone, now, onOpen }: Props) {
  const markRead = useMarkNotificationsRead();

  function open() {
    if (!item.read) markRead.mutate({ ids: [item.id] });
    onOpen?.();
  }

  return (
    <li className={item.read ? 'notification' : 'notification notification--unread'}>
      <Link href={`/desk/articles/${item.articleId}`} className="notification__link" onClick={open}>
        {!item.read && <span className="visually-hidden">Unread: </span>}
        {notificationText(item)}
      </Link>
      {item.commentExcerpt && <q className="notification__excerpt">{item.commentExcerpt}</q>}
      {/* "today" and "yesterday" depend on the clock: the browser's may have passed midnight since the server rendered. */}
      <time className="notification__time" dateTime={item.createdAt} suppressHydrationWarning>
        {formatDeskTime(item.createdAt, timeZone, now)}
      </time>
    </li>
  );
}
