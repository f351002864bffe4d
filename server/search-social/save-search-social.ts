import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleSearchSocial, photos } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { storyKey } from '@/lib/public/surrogate-keys';
import type { SaveSearchSocialInput, SearchSocialView } from '@/lib/search-social/search-social';
import type { SessionUser } from '@/lib/session-user';
import { findEditableArticle } from '@/server/articles/queries';
import { recordAudit } from '@/server/audit/record-audit';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { unsafeLoadSearchSocial } from './queries';

/**
 * Saves a story's search and social fields, on their own: they are how the story is presented, not
 * its text, so they have no revisions and no review. Whoever may edit the story may change them;
 * on a live story the change is public at once, and its page is purged.
 */
export function saveSearchSocial(user: SessionUser, articleId: number, input: SaveSearchSocialInput, now = new Date()): SearchSocialView {
  return getDb().transaction(
    (tx) => {
      const article = findEditableArticle(tx, user, articleId);
      if (input.socialPhotoId !== null && !tx.select({ id: photos.id }).from(photos).where(eq(photos.id, input.socialPhotoId)).get()) {
        throw new AppError('INVALID', 'Some fields need attention.', { fields: { socialPhotoId: ['That photo is no longer in the library; choose another.'] } });
      }
      const values = { ...input, updatedAt: now, updatedBy: user.id };
      tx.insert(articleSearchSocial)
        .values({ articleId, ...values })
        .onConflictDoUpdate({ target: articleSearchSocial.articleId, set: values })
        .run();
      recordAudit(tx, { actorId: user.id, action: 'article.search_social', targetType: 'article', targetId: articleId, details: { ...input } });
      if (article.liveRevisionId !== null && article.withdrawnAt === null) recordPublicChange(tx, [storyKey(articleId)], now);
      return unsafeLoadSearchSocial(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}
