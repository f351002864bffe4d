import 'server-only';
import { eq } from 'drizzle-orm';
import { liveEntries } from '@/db/schema';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import type { SessionUser } from '@/lib/session-user';
import type { PinEntryInput } from '@/lib/validation/live-coverage';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { changeEntry } from './change-entry';

/** Pins an entry above the others (or unpins it): the desk's call, as it orders the page. */
export function pinEntry(user: SessionUser, articleId: number, entryId: number, input: PinEntryInput, now = new Date()): DeskLiveEntry {
  assertCan(user, 'live:entry:pin');
  return changeEntry(user, { articleId, entryId, version: input.version, now }, (tx) => {
    tx.update(liveEntries).set({ pinnedAt: input.pinned ? now : null }).where(eq(liveEntries.id, entryId)).run();
    recordAudit(tx, { actorId: user.id, action: input.pinned ? 'live.entry.pin' : 'live.entry.unpin', targetType: 'article', targetId: articleId, details: { entry: entryId } });
  });
}
