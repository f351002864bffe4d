'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { NotificationFeed } from '@/lib/notification-view';
import { notificationKeys } from '@/lib/query-keys';
import { MarkAllRead } from './mark-all-read';
import { NotificationEntry } from './notification-entry';

const pageUrl = (cursor: string | null) =>
  cursor ? `/api/notifications?cursor=${encodeURIComponent(cursor)}` : '/api/notifications';

/**
 * Every notification, newest first, older pages appended by "Show older". Kept in the query cache
 * with the bell's, so marking read in either place clears the mark in both; the server renders the
 * first page, so the list shows without waiting for the API.
 */
export function NotificationList({ firstPage, timeZone }: { firstPage: NotificationFeed; timeZone: string }) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, error } = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => apiFetch<NotificationFeed>(pageUrl(pageParam), { method: 'GET' }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const items = data.pages.flatMap((page) => page.items);
  const now = new Date();

  if (items.length === 0) return <p className="empty">Nothing yet.</p>;

  return (
    <>
      <MarkAllRead unreadCount={data.pages[0]?.unreadCount ?? 0} />
      <ul className="notification-entries notification-entries--page">
        {items.map((item) => (
          <NotificationEntry key={item.id} item={item} timeZone={timeZone} now={now} />
        ))}
      </ul>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {hasNextPage && (
        <div className="pager">
          <button
            type="button"
            className="button button--quiet"
            aria-disabled={isFetchingNextPage}
            onClick={() => {
              if (!isFetchingNextPage) void fetchNextPage();
            }}
          >
            {isFetchingNextPage ? 'Loading older notifications…' : 'Show older'}
          </button>
        </div>
      )}
    </>
  );
}
