'use client';

import type { EditLockState } from '@/lib/edit-lock';
import { formatClock } from '@/lib/desk-time';

/** Someone else has the article open: say who and since when, and offer to take over. */
export function LockBanner({
  lock,
  timeZone,
  onTakeOver,
  pending,
}: {
  lock: EditLockState;
  timeZone: string;
  onTakeOver: () => void;
  pending: boolean;
}) {
  if (!lock.holder) return null;
  return (
    <div className="notice notice--warn" role="alert" aria-label="Edit lock">
      <p>
        <strong>{lock.holder.name}</strong> is editing since {lock.since ? formatClock(lock.since, timeZone) : 'now'}. You
        are seeing a read-only copy.
      </p>
      <div className="notice__actions">
        <button type="button" className="button" onClick={onTakeOver} disabled={pending}>
          Take over
        </button>
      </div>
    </div>
  );
}
