import { z } from 'zod';
import type { PhotoCard } from '@/lib/photos/photo-use';

/** Beyond these, search engines and networks cut the text off; the fields say so as they are typed. */
export const SEO_TITLE_MAX = 70;
export const META_DESCRIPTION_MAX = 160;
export const SOCIAL_HEADLINE_MAX = 100;

const text = (max: number, what: string) => z.string().trim().max(max, `${what} is cut off past ${max} characters; shorten it.`);

/** A story's search and social fields as the desk saves them; an empty text means "use the story's own". */
export const SaveSearchSocialInput = z.strictObject({
  seoTitle: text(SEO_TITLE_MAX, 'An SEO title'),
  metaDescription: text(META_DESCRIPTION_MAX, 'A meta description'),
  socialHeadline: text(SOCIAL_HEADLINE_MAX, 'A social headline'),
  socialPhotoId: z.number().int().positive().nullable(),
});
export type SaveSearchSocialInput = z.infer<typeof SaveSearchSocialInput>;

/** What the desk's Search and social panel shows. */
export type SearchSocialView = Omit<SaveSearchSocialInput, 'socialPhotoId'> & { socialPhoto: PhotoCard | null };

export const NO_SEARCH_SOCIAL: SearchSocialView = { seoTitle: '', metaDescription: '', socialHeadline: '', socialPhoto: null };
