import type { Metadata } from 'next';
import { type PhotoCard, shownPhoto } from '@/lib/photos/photo-use';
import { SOCIAL_CARD, socialCardUrl } from '@/lib/photos/renditions';
import { lastModified, type PublicArticle, publicPath } from './public-article';

/** A story's own search and social choices; an empty text falls back to the story's. */
export type StorySearchSocial = { seoTitle: string; metaDescription: string; socialHeadline: string; socialPhoto: PhotoCard | null };

/**
 * The photo a shared story shows: the desk's choice for social networks, else the lead photo as
 * the story prints it. Its alt text carries the credit, as the card has no other place for it.
 */
export function socialCardOf(article: Pick<PublicArticle, 'leadPhoto' | 'photos'>, social: Pick<StorySearchSocial, 'socialPhoto'>) {
  const lead = article.leadPhoto;
  const card = social.socialPhoto ?? (lead ? article.photos[lead.photoId] : undefined);
  if (!card) return null;
  const shown = shownPhoto(card, social.socialPhoto ? {} : (lead ?? {}));
  const credit = shown.credit ? `Photo: ${shown.credit}` : '';
  return {
    url: socialCardUrl(card.sha256),
    width: SOCIAL_CARD.width,
    height: SOCIAL_CARD.height,
    type: 'image/jpeg',
    alt: [shown.alt, credit].filter(Boolean).join('. '),
  };
}

/**
 * A live story's page metadata: its title and description for search engines, its canonical
 * address, and its Open Graph and X (Twitter) card, with the desk's search and social texts where
 * it wrote them. Addresses are relative: the layout's metadataBase makes them absolute.
 */
export function storyMetadata(article: PublicArticle, social: StorySearchSocial): Metadata {
  const description = social.metaDescription || article.standfirst || undefined;
  const shareTitle = social.socialHeadline || social.seoTitle || article.headline;
  const image = socialCardOf(article, social);
  const images = image ? [image] : undefined;
  return {
    title: social.seoTitle || article.headline,
    description,
    alternates: { canonical: publicPath(article.slug) },
    openGraph: {
      type: 'article',
      url: publicPath(article.slug),
      title: shareTitle,
      description,
      images,
      publishedTime: article.firstPublishedAt,
      modifiedTime: lastModified(article),
      section: article.filing.section?.name,
      tags: article.filing.tags.map((tag) => tag.name),
    },
    // Without a picture, the large card would be an empty frame.
    twitter: { card: images ? 'summary_large_image' : 'summary', title: shareTitle, description, images },
  };
}
