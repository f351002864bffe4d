import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { articles, legalRemovals, liveEntries, liveEntryRevisions, revisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { redactPublished, removalPattern } from '@/lib/legal-removals/redact';
import { photoUses } from '@/lib/photos/photo-use';
import { storyKey } from '@/lib/public/surrogate-keys';
import { PUBLIC_REVISION_KINDS } from '@/lib/story-changes/story-changes';
import type { SessionUser } from '@/lib/session-user';
import { LegalRemovalInput } from '@/lib/validation/legal-removal';
import { parseInput } from '@/lib/validation/parse-input';
import { findVisibleArticle } from '@/server/articles/queries';
import { moveOffRemovedWords } from '@/server/articles/slugs';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { loadPhotoViews } from '@/server/photos/queries';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { snapshotOf } from '@/server/revisions/compare-revisions';
import { listLegalRemovals, type LegalRemovalView } from './queries';

/**
 * Removes words from every public output of a story, every version it ever published included
 * (docs/decisions/024), and from its address when the address spells them. The words are stored to
 * be matched on the way out; the reason goes to the audit log only. Every response showing the story carries its key (its page, its history, feeds,
 * lists, the sitemaps that print headlines, its JSON), so that key purges them all, here and at the CDN.
 */
export function removeForLegalReasons(user: SessionUser, articleId: number, input: unknown): LegalRemovalView[] {
  assertCan(user, 'article:legal-removal');
  const { text, reason } = parseInput(LegalRemovalInput, input);
  getDb().transaction((tx) => {
    const article = findVisibleArticle(tx, user, articleId);
    if (article.firstPublishedAt === null) throw new AppError('CONFLICT', 'This story has never been published: change its text instead.');
    // Refused when it would change nothing readers read: a mistyped removal must not pass for done.
    const pattern = removalPattern([text]);
    if (!publishedTextsOf(tx, articleId).some((shown) => JSON.stringify(redactPublished(shown, pattern)) !== JSON.stringify(shown))) {
      throw new AppError('INVALID', 'These words are in no version this story published. Copy them exactly as readers read them.', {
        fields: { text: ['Not found in any published version of the story.'] },
      });
    }
    const removal = tx.insert(legalRemovals).values({ articleId, text, removedBy: user.id }).returning({ id: legalRemovals.id }).get();
    recordAudit(tx, { actorId: user.id, action: 'article.legal_removal', targetType: 'article', targetId: articleId, details: { removal: removal.id, text, reason } });
    recordPublicChange(tx, [storyKey(articleId)]);
    moveOffRemovedWords(tx, user.id, article, text);
  });
  return listLegalRemovals(user, articleId);
}

/**
 * Everything of the story the public was ever shown, as the redaction reads it: each version it
 * published with its correction's note, the library's words under the photos they used, and a live
 * story's key points and every version of its entries.
 */
function publishedTextsOf(tx: Tx, articleId: number): unknown[] {
  const rows = tx
    .select()
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), inArray(revisions.kind, PUBLIC_REVISION_KINDS)))
    .all();
  const versions = rows.map((row) => ({ ...snapshotOf(row), note: row.publicNote }));
  const photos = loadPhotoViews(
    tx,
    versions.flatMap((version) => photoUses(version).map((use) => use.photoId)),
  );
  const entries = tx
    .select({ headline: liveEntryRevisions.headline, body: liveEntryRevisions.body })
    .from(liveEntryRevisions)
    .innerJoin(liveEntries, eq(liveEntries.id, liveEntryRevisions.entryId))
    .where(eq(liveEntries.articleId, articleId))
    .all();
  const keyPoints = tx.select({ keyPoints: articles.keyPoints }).from(articles).where(eq(articles.id, articleId)).get()?.keyPoints ?? [];
  return [...versions, ...photos.values(), ...entries, { keyPoints }];
}
