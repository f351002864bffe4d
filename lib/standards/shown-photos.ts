import { photoUses, shownPhoto, type PhotoUse } from '@/lib/photos/photo-use';
import { responsiveImage } from '@/lib/photos/renditions';
import type { PublicArticle, PublicPhoto, SiteInfo } from '@/lib/public/public-article';

/** A photo as a story shows it: the library photo, where it stands, and what a reader sees with it. */
export type ShownPhoto = {
  photo: PublicPhoto;
  place: PhotoUse['place'];
  caption: string;
  credit: string;
  alt: string;
  /** The photo's rights statement as a well-formed absolute URL, or empty when there is none usable. */
  license: string;
  /** The JPEG rendition, the one every reader of a feed or search engine can decode. */
  jpeg: { url: string; width: number; height: number };
};

/**
 * The photos a story (or a live story's entry) shows, the lead first, then the body's in reading order. A photo placed twice
 * is listed once, as first shown: the standards describe images, not placements. A photo gone from
 * the library since publishing is left out rather than described without its file.
 */
export function shownPhotos(article: Pick<PublicArticle, 'leadPhoto' | 'body' | 'photos'>, site: SiteInfo): ShownPhoto[] {
  const shown = new Map<number, ShownPhoto>();
  for (const use of photoUses(article)) {
    const photo = article.photos[use.photoId];
    if (!photo || shown.has(photo.id)) continue;
    const image = responsiveImage(photo);
    shown.set(photo.id, {
      photo,
      place: use.place,
      ...shownPhoto(photo, use),
      // The desk's check lets through any http(s) text without spaces; consumers validate a URI.
      license: URL.canParse(photo.rightsUrl) ? new URL(photo.rightsUrl).href : '',
      jpeg: { url: site.url + image.fallbackSrc, width: image.width, height: image.height },
    });
  }
  return [...shown.values()];
}
