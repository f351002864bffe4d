import 'server-only';
import { eq } from 'drizzle-orm';
import { liveEntries } from '@/db/schema';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import type { SessionUser } from '@/lib/session-user';
import type { RemoveEntryInput } from '@/lib/validation/live-coverage';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCanOn } from '@/server/policy';
import { changeEntry } from './change-entry';

/**
 * Takes an entry off the public page and out of the feeds, and tells its readers. Nothing is
 * deleted: the desk still lists it as removed, with its versions, and the audit says who and when.
 */
export function removeEntry(user: SessionUser, articleId: number, entryId: number, input: RemoveEntryInput, now = new Date()): DeskLiveEntry {
  return changeEntry(user, { articleId, entryId, version: input.version, now }, (tx, _story, entry) => {
    assertCanOn(user, 'live:entry:edit', { authorId: entry.postedById }, 'Only the desk can remove someone else’s entry.');
    tx.update(liveEntries).set({ removedAt: now, removedBy: user.id }).where(eq(liveEntries.id, entryId)).run();
    recordAudit(tx, { actorId: user.id, action: 'live.entry.remove', targetType: 'article', targetId: articleId, details: { entry: entryId } });
  });
}
