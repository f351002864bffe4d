import { type PhotoCard, shownPhoto } from '@/lib/photos/photo-use';
import { responsiveImage } from '@/lib/photos/renditions';

type Props = {
  photoId: number;
  card: PhotoCard | undefined;
  /** This article's own caption and credit, when it has them. */
  use: { caption?: string | null; credit?: string | null };
  /** The `sizes` of the layout the figure sits in. */
  sizes: string;
  /** The lead photo loads at once and first (it is the page's largest paint); the body's as the reader scrolls to them. */
  eager?: boolean;
};

/**
 * A photo as readers see it, one rendering for the public page and the editor's preview: the
 * picture at the size the layout needs, the credit line, and the caption. No hooks, so it renders
 * on the server and inside the editor alike; all text goes through React, escaped.
 */
export function PhotoFigure({ photoId, card, use, sizes, eager }: Props) {
  if (!card) {
    return (
      <figure className="photo-figure photo-figure--missing" data-photo-id={photoId}>
        <p>Photo {photoId} is not in the library.</p>
      </figure>
    );
  }
  const shown = shownPhoto(card, use);
  const image = responsiveImage(card);
  return (
    <figure className="photo-figure" data-photo-id={photoId}>
      <picture>
        <source type="image/webp" srcSet={image.srcSet} sizes={sizes} />
        <img
          src={image.fallbackSrc}
          width={image.width}
          height={image.height}
          alt={shown.alt}
          loading={eager ? 'eager' : 'lazy'}
          fetchPriority={eager ? 'high' : undefined}
          decoding="async"
        />
      </picture>
      {shown.credit && <p className="photo-figure__credit">{shown.credit}</p>}
      {shown.caption && <figcaption>{shown.caption}</figcaption>}
    </figure>
  );
}
