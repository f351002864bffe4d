'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type FocusEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { NotificationFeed } from '@/lib/notification-view';
import { notificationKeys } from '@/lib/query-keys';
import { MarkAllRead } from './mark-all-read';
import { NotificationEntry } from './notification-entry';

const POLL_MS = 15_000;
const BELL_SIZE = 10;

const signedOut = (error: unknown) => error instanceof ApiError && error.status === 401;

/** "Notifications, 3 unread": the count is in the name, so the badge itself is hidden from screen readers. */
function bellLabel(unreadCount: number): string {
  return unreadCount === 0 ? 'Notifications' : `Notifications, ${unreadCount} unread`;
}

/**
 * The header's bell: the unread count, and a disclosure panel with the latest notifications.
 * The panel is not modal: Escape, a click outside or tabbing away closes it.
 */
export function NotificationBell({ timeZone }: { timeZone: string }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const titleId = useId();

  const feed = useQuery({
    queryKey: notificationKeys.bell,
    queryFn: () => apiFetch<NotificationFeed>(`/api/notifications?limit=${BELL_SIZE}`, { method: 'GET' }),
    // Polling pauses in a background tab (TanStack's default) and stops once signed out: the next
    // page the person opens takes them to sign in.
    refetchInterval: (query) => (signedOut(query.state.error) ? false : POLL_MS),
    refetchOnWindowFocus: 'always',
    // The next poll is the retry.
    retry: false,
  });

  useEffect(() => {
    if (!open) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsidePointer);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  if (signedOut(feed.error)) return null;

  // Focus leaving for elsewhere on the page closes the panel; leaving the window (null) does not.
  function closeOnFocusAway(event: FocusEvent) {
    const next = event.relatedTarget;
    if (next instanceof Node && !wrapper.current?.contains(next)) setOpen(false);
  }

  const unreadCount = feed.data?.unreadCount ?? 0;
  const now = new Date();

  return (
    <div className="bell" ref={wrapper} onBlur={closeOnFocusAway}>
      <button
        ref={button}
        type="button"
        className="bell__button"
        aria-label={bellLabel(unreadCount)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2Z M10 20a2 2 0 0 0 4 0" />
        </svg>
        {unreadCount > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        )}
      </button>
      <div id={panelId} className="bell__panel" role="region" aria-labelledby={titleId} hidden={!open}>
        <h2 id={titleId} className="bell__title">
          Notifications
        </h2>
        {feed.data ? (
          <>
            {feed.data.items.length === 0 ? (
              <p className="bell__message">Nothing yet.</p>
            ) : (
              <>
                <MarkAllRead unreadCount={unreadCount} />
                <ul className="notification-entries">
                  {feed.data.items.map((item) => (
                    <NotificationEntry key={item.id} item={item} timeZone={timeZone} now={now} onOpen={() => setOpen(false)} />
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <p className="bell__message">{feed.error ? 'Notifications cannot be loaded just now.' : 'Loading…'}</p>
        )}
        <Link href="/desk/notifications" className="bell__all" onClick={() => setOpen(false)}>
          All notifications
        </Link>
      </div>
    </div>
  );
}
