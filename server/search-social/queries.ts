import 'server-only';
import { eq } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { articleSearchSocial } from '@/db/schema';
import { redactText } from '@/lib/legal-removals/redact';
import { photoCardOf } from '@/lib/photos/photo-use';
import { type PublicPhoto, publicPhotoOf } from '@/lib/public/public-article';
import { NO_SEARCH_SOCIAL, type SearchSocialView } from '@/lib/search-social/search-social';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';
import { removalPatternsOf } from '@/server/legal-removals/queries';
import { loadPhotoViews } from '@/server/photos/queries';

export function getSearchSocial(user: SessionUser, articleId: number): SearchSocialView {
  const db = getDb();
  findVisibleArticle(db, user, articleId);
  return unsafeLoadSearchSocial(db, articleId);
}

function stored(db: Db | Tx, articleId: number) {
  const row = db
    .select({
      seoTitle: articleSearchSocial.seoTitle,
      metaDescription: articleSearchSocial.metaDescription,
      socialHeadline: articleSearchSocial.socialHeadline,
      socialPhotoId: articleSearchSocial.socialPhotoId,
    })
    .from(articleSearchSocial)
    .where(eq(articleSearchSocial.articleId, articleId))
    .get();
  if (!row) return undefined;
  const photo = row.socialPhotoId === null ? undefined : loadPhotoViews(db, [row.socialPhotoId]).get(row.socialPhotoId);
  return { ...row, photo };
}

export function unsafeLoadSearchSocial(db: Db | Tx, articleId: number): SearchSocialView {
  const row = stored(db, articleId);
  if (!row) return NO_SEARCH_SOCIAL;
  return { seoTitle: row.seoTitle, metaDescription: row.metaDescription, socialHeadline: row.socialHeadline, socialPhoto: row.photo ? photoCardOf(row.photo) : null };
}

/** A live story's search and social fields as its public page prints them: with its legal removals applied. */
export type PublicSearchSocial = { seoTitle: string; metaDescription: string; socialHeadline: string; socialPhoto: PublicPhoto | null };

export function publicSearchSocial(articleId: number, db: Db = getDb()): PublicSearchSocial {
  const row = stored(db, articleId);
  if (!row) return { ...NO_SEARCH_SOCIAL, socialPhoto: null };
  const pattern = removalPatternsOf(db, [articleId]).get(articleId) ?? null;
  return {
    seoTitle: redactText(row.seoTitle, pattern),
    metaDescription: redactText(row.metaDescription, pattern),
    socialHeadline: redactText(row.socialHeadline, pattern),
    socialPhoto: row.photo ? publicPhotoOf(row.photo) : null,
  };
}
