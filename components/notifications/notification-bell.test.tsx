import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NotificationFeed, NotificationItem } from '@/lib/notification-view';
import { notificationKeys } from '@/lib/query-keys';
import { NotificationBell } from './notification-bell';
import { NotificationList } from './notification-list';

const item = (id: number, fields: Partial<NotificationItem> = {}): NotificationItem => ({
  id,
  kind: 'approved',
  articleId: 7,
  headline: 'Flood warning',
  actorName: 'Cora Desk',
  commentExcerpt: null,
  createdAt: '2026-03-02T09:05:00.000Z',
  read: false,
  ...fields,
});

const feed = (items: NotificationItem[], unreadCount: number): NotificationFeed => ({ items, nextCursor: null, unreadCount });

function renderBell(seeded?: NotificationFeed): string {
  const client = new QueryClient();
  if (seeded) client.setQueryData(notificationKeys.bell, seeded);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <NotificationBell timeZone="UTC" />
    </QueryClientProvider>,
  );
}

describe('NotificationBell', () => {
  it('names the unread count for screen readers and shows it on a badge hidden from them', () => {
    const html = renderBell(feed([item(2), item(1, { read: true })], 3));
    expect(html).toContain('aria-label="Notifications, 3 unread"');
    expect(html).toContain('<span class="bell__count" aria-hidden="true">3</span>');
    expect(html).toMatch(/aria-expanded="false" aria-controls="([^"]+)".*id="\1" class="bell__panel" role="region"[^>]* hidden=""/);
  });

  it('says just "Notifications" with no badge when all are read, and before the first answer', () => {
    for (const html of [renderBell(feed([item(1, { read: true })], 0)), renderBell()]) {
      expect(html).toContain('aria-label="Notifications"');
      expect(html).not.toContain('bell__count');
    }
  });

  it('marks unread ones in words and links each to its story and the full list', () => {
    const html = renderBell(feed([item(2, { kind: 'returned' }), item(1, { read: true })], 1));
    expect(html).toContain(
      '<a class="notification__link" href="/desk/articles/7"><span class="visually-hidden">Unread: </span>Cora Desk returned “Flood warning” to you</a>',
    );
    expect(html).toContain('<a class="notification__link" href="/desk/articles/7">Cora Desk approved “Flood warning”</a>');
    expect(html).toContain('<time class="notification__time" dateTime="2026-03-02T09:05:00.000Z">');
    expect(html).toContain('href="/desk/notifications"');
    expect(html).toContain('Mark all as read');
  });

  it('shows a headline or a comment with markup as text', () => {
    const html = renderBell(
      feed([item(1, { kind: 'mentioned', headline: '<script>alert(1)</script>', commentExcerpt: '<img src=x onerror=alert(2)>' })], 1),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('mentioned you on “&lt;script&gt;alert(1)&lt;/script&gt;”');
    expect(html).toContain('<q class="notification__excerpt">&lt;img src=x onerror=alert(2)&gt;</q>');
  });
});

describe('NotificationList', () => {
  const renderList = (firstPage: NotificationFeed) =>
    renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <NotificationList firstPage={firstPage} timeZone="UTC" />
      </QueryClientProvider>,
    );

  it('says "Nothing yet." when there is nothing', () => {
    expect(renderList(feed([], 0))).toBe('<p class="empty">Nothing yet.</p>');
  });

  it('lists the first page with the unread count and, when there is more, "Show older"', () => {
    const html = renderList({ items: [item(2), item(1, { read: true })], nextCursor: '1', unreadCount: 1 });
    expect(html).toContain('<p class="mark-all-read__count" role="status">1 unread</p>');
    expect(html.match(/class="notification(?: notification--unread)?"/g)).toHaveLength(2);
    expect(html).toContain('Show older');
  });
});
