import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { liveEntries } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import type { SessionUser } from '@/lib/session-user';
import { findLiveStory, type LiveStory, publicEntryOf, unsafeLoadEntry } from './queries';
import { recordLiveEvent } from './record-live-event';

/**
 * The frame of every change to a posted entry (edit, pin, remove): the story and the entry are
 * found as the user may see them, the entry's version must be the one they started from (else
 * CONFLICT with the entry as it is now, so nothing is overwritten unseen); the change bumps it,
 * and its readers are sent the entry as it now is, or its removal.
 */
export function changeEntry(
  user: SessionUser,
  target: { articleId: number; entryId: number; version: number; now: Date },
  change: (tx: Tx, story: LiveStory, entry: DeskLiveEntry) => void,
): DeskLiveEntry {
  const { articleId, entryId, version, now } = target;
  return getDb().transaction(
    (tx) => {
      const story = findLiveStory(tx, user, articleId);
      const entry = unsafeLoadEntry(tx, articleId, entryId);
      if (entry.removedAt) throw new AppError('CONFLICT', `${entry.removedByName ?? 'Someone'} removed this entry.`, { current: entry });
      if (entry.version !== version) {
        throw new AppError('CONFLICT', 'Someone changed this entry after you opened it. Your change has not been made.', { current: entry });
      }
      change(tx, story, entry);
      tx.update(liveEntries)
        .set({ version: sql`${liveEntries.version} + 1` })
        .where(and(eq(liveEntries.id, entryId), eq(liveEntries.version, version)))
        .run();
      const changed = unsafeLoadEntry(tx, articleId, entryId);
      recordLiveEvent(tx, story, changed.removedAt ? { kind: 'remove', id: entryId } : { kind: 'entry', entry: publicEntryOf(changed) }, now);
      return changed;
    },
    { behavior: 'immediate' },
  );
}
