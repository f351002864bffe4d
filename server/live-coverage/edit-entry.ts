import 'server-only';
import { eq } from 'drizzle-orm';
import { liveEntries } from '@/db/schema';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import type { SessionUser } from '@/lib/session-user';
import type { EditEntryInput } from '@/lib/validation/live-coverage';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCanOn } from '@/server/policy';
import { changeEntry } from './change-entry';
import { insertEntryRevision } from './entry-revision';

/**
 * Gives a posted entry new text, kept as its next version: the entry keeps its time and is marked
 * "Updated" with this one. Its poster edits their own, the desk anyone's, also after coverage ends.
 */
export function editEntry(user: SessionUser, articleId: number, entryId: number, input: EditEntryInput, now = new Date()): DeskLiveEntry {
  const { version, ...text } = input;
  return changeEntry(user, { articleId, entryId, version, now }, (tx, _story, entry) => {
    assertCanOn(user, 'live:entry:edit', { authorId: entry.postedById }, 'Only the desk can edit someone else’s entry.');
    const number = entry.revisionCount + 1;
    const revisionId = insertEntryRevision(tx, { entryId, number, editedBy: user.id, createdAt: now }, text);
    tx.update(liveEntries).set({ currentRevisionId: revisionId, updatedAt: now }).where(eq(liveEntries.id, entryId)).run();
    recordAudit(tx, { actorId: user.id, action: 'live.entry.edit', targetType: 'article', targetId: articleId, details: { entry: entryId, revision: number } });
  });
}
