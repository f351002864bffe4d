import type { Metadata } from 'next';
import { NotificationList } from '@/components/notifications/notification-list';
import { env } from '@/server/env';
import { listNotifications, unreadCount } from '@/server/notifications/list-notifications';
import { requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const user = await requireSignedIn('/desk/notifications');
  return (
    <main id="content">
      <div className="page-head">
        <h1>Notifications</h1>
      </div>
      <NotificationList
        firstPage={{ ...listNotifications(user), unreadCount: unreadCount(user) }}
        timeZone={env().NEWSROOM_TIMEZONE}
      />
    </main>
  );
}
