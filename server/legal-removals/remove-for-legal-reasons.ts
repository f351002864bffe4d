import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { legalRemovals, revisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { removalPattern } from '@/lib/legal-removals/redact';
import { storyKey } from '@/lib/public/surrogate-keys';
import { PUBLIC_REVISION_KINDS } from '@/lib/story-changes/story-changes';
import type { SessionUser } from '@/lib/session-user';
import { LegalRemovalInput } from '@/lib/validation/legal-removal';
import { parseInput } from '@/lib/validation/parse-input';
import { findVisibleArticle } from '@/server/articles/queries';
import { moveOffRemovedWords } from '@/server/articles/slugs';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { listLegalRemovals, type LegalRemovalView } from './queries';

/**
 * Removes words from every public output of a story, every version it ever published included
 * (docs/decisions/024), and from its address when the address spells them. The words are stored to be matched on the way out; the reason goes to the
 * audit log only. Every response showing the story carries its key (its page, its history, feeds,
 * lists, the sitemaps that print headlines, its JSON), so that key purges them all, here and at the CDN.
 */
export function removeForLegalReasons(user: SessionUser, articleId: number, input: unknown): LegalRemovalView[] {
  assertCan(user, 'article:legal-removal');
  const { text, reason } = parseInput(LegalRemovalInput, input);
  getDb().transaction((tx) => {
    const article = findVisibleArticle(tx, user, articleId);
    if (article.firstPublishedAt === null) throw new AppError('CONFLICT', 'This story has never been published: change its text instead.');
    if (!publishedTextsOf(tx, articleId).some((published) => removalPattern([text])!.test(published))) {
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
 * The text of every version the story published, each as one string: what a removal must match
 * somewhere, so that a mistyped removal is refused rather than left to remove nothing.
 */
function publishedTextsOf(tx: Tx, articleId: number): string[] {
  return tx
    .select({
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      datelinePlace: revisions.datelinePlace,
      datelineSource: revisions.datelineSource,
      byline: revisions.byline,
      bodyText: revisions.bodyText,
      leadPhotoCaption: revisions.leadPhotoCaption,
      leadPhotoCredit: revisions.leadPhotoCredit,
      publicNote: revisions.publicNote,
      body: revisions.body,
    })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), inArray(revisions.kind, PUBLIC_REVISION_KINDS)))
    .all()
    // The body's JSON too: a photo's own caption or credit in the body is in its attributes.
    .map(({ body, ...fields }) => [...Object.values(fields), JSON.stringify(body)].join('\n'));
}
