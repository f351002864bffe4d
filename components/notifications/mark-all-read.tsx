'use client';

import { useMarkNotificationsRead } from './use-mark-notifications-read';

/**
 * How many are unread, and the button that clears them. The count is a polite live region, so a
 * screen reader hears the result of "Mark all as read"; the button stays put (and focused) after.
 */
export function MarkAllRead({ unreadCount }: { unreadCount: number }) {
  const markAll = useMarkNotificationsRead();
  return (
    <div className="mark-all-read">
      <p className="mark-all-read__count" role="status">
        {unreadCount === 0 ? 'All read' : `${unreadCount} unread`}
      </p>
      {/* aria-disabled rather than disabled: a disabled button drops the keyboard focus to the page. */}
      <button
        type="button"
        className="button button--quiet"
        aria-disabled={markAll.isPending}
        onClick={() => {
          if (!markAll.isPending) markAll.mutate({ all: true });
        }}
      >
        {markAll.isPending ? 'Marking…' : 'Mark all as read'}
      </button>
      {markAll.error && (
        <p className="field__error mark-all-read__error" role="alert">
          {markAll.error.message}
        </p>
      )}
    </div>
  );
}
