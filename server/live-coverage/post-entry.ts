import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { liveEntries, liveEntryDrafts } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import type { SessionUser } from '@/lib/session-user';
import type { PostEntryInput } from '@/lib/validation/live-coverage';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { insertEntryRevision } from './entry-revision';
import { findLiveStory, ownAuthorProfileId, publicEntryOf, unsafeLoadEntry } from './queries';
import { recordLiveEvent } from './record-live-event';

export const COVERAGE_ENDED = 'Live coverage of this story has ended: entries can no longer be posted.';

/**
 * Posts an entry to a live story: on the public page, and sent to its readers, as soon as the
 * transaction commits if the story is public (entries of a story not yet published wait for it).
 * With no author chosen, the poster's own profile is credited. The poster's composer draft goes in
 * the same transaction, so a posted entry is never offered again as unsaved.
 */
export function postEntry(user: SessionUser, articleId: number, input: PostEntryInput, now = new Date()): DeskLiveEntry {
  assertCan(user, 'live:post');
  return getDb().transaction(
    (tx) => {
      const story = findLiveStory(tx, user, articleId);
      if (story.coverageEndedAt) throw new AppError('CONFLICT', COVERAGE_ENDED);
      const own = ownAuthorProfileId(tx, user.id);
      const authorIds = input.authorIds.length > 0 || own === null ? input.authorIds : [own];
      const entry = tx.insert(liveEntries).values({ articleId, postedBy: user.id, postedAt: now }).returning({ id: liveEntries.id }).get();
      const revisionId = insertEntryRevision(tx, { entryId: entry.id, number: 1, editedBy: user.id, createdAt: now }, { ...input, authorIds });
      tx.update(liveEntries).set({ currentRevisionId: revisionId }).where(eq(liveEntries.id, entry.id)).run();
      tx.delete(liveEntryDrafts).where(and(eq(liveEntryDrafts.articleId, articleId), eq(liveEntryDrafts.userId, user.id))).run();
      recordAudit(tx, { actorId: user.id, action: 'live.entry.post', targetType: 'article', targetId: articleId, details: { entry: entry.id } });
      const posted = unsafeLoadEntry(tx, articleId, entry.id);
      recordLiveEvent(tx, story, { kind: 'entry', entry: publicEntryOf(posted) }, now);
      return posted;
    },
    { behavior: 'immediate' },
  );
}
