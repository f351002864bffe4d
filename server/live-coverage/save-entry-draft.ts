import 'server-only';
import { getDb } from '@/db/client';
import { liveEntryDrafts } from '@/db/schema';
import type { LiveEntryDraft } from '@/lib/live-coverage/live-entry';
import type { SessionUser } from '@/lib/session-user';
import type { EntryDraftInput } from '@/lib/validation/live-coverage';
import { storedBody } from '@/server/articles/save-article';
import { assertCan } from '@/server/policy';
import { findLiveStory } from './queries';

/**
 * Keeps the entry a person is composing, as the composer autosaves it: one per person and story,
 * replaced by each save and gone when they post it. Not audited: nobody but its writer sees it.
 */
export function saveEntryDraft(user: SessionUser, articleId: number, input: EntryDraftInput, now = new Date()): LiveEntryDraft {
  assertCan(user, 'live:post');
  storedBody(input.body);
  return getDb().transaction(
    (tx) => {
      findLiveStory(tx, user, articleId);
      const row = { headline: input.headline, body: input.body, authorIds: input.authorIds, savedAt: now };
      tx.insert(liveEntryDrafts)
        .values({ articleId, userId: user.id, ...row })
        .onConflictDoUpdate({ target: [liveEntryDrafts.articleId, liveEntryDrafts.userId], set: row })
        .run();
      return { headline: input.headline, body: input.body, authorIds: input.authorIds, savedAt: now.toISOString() };
    },
    { behavior: 'immediate' },
  );
}
