'use client';

import type { PhotoView } from '@/lib/photos/photo-view';
import { renditionsFor, thumbnailUrl } from '@/lib/photos/renditions';
import { photoAltText } from './photo-alt-text';

type Props = {
  photos: PhotoView[];
  selectedId: number | null;
  onSelect: (photo: PhotoView) => void;
};

/** Library photos as thumbnails to pick from; a photo nobody may publish yet says so on its card. */
export function PhotoGrid({ photos, selectedId, onSelect }: Props) {
  return (
    <ul className="photo-grid">
      {photos.map((photo) => {
        // The smallest rendition is the thumbnail; its size is reserved so the grid does not jump.
        const [thumbnail] = renditionsFor(photo);
        const alt = photoAltText(photo);
        return (
          <li key={photo.id}>
            <button type="button" className="photo-card" aria-pressed={photo.id === selectedId} onClick={() => onSelect(photo)}>
              {/* eslint-disable-next-line @next/next/no-img-element -- renditions are already sized and re-encoded by sharp; the image optimizer would only redo it */}
              <img
                className="photo-card__image"
                src={thumbnailUrl(photo)}
                width={thumbnail?.width ?? photo.width}
                height={thumbnail?.height ?? photo.height}
                alt={alt}
                loading="lazy"
                decoding="async"
              />
              {photo.creditLine ? (
                <span className="photo-card__credit">{photo.creditLine}</span>
              ) : (
                <span className="photo-card__missing">Missing credit</span>
              )}
              {photo.caption && (
                // When the caption already stands in as the alt text, the button should not say it twice.
                <span className="photo-card__caption" aria-hidden={alt === photo.caption.trim() || undefined}>
                  {photo.caption}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
