import type { PhotoView } from '@/lib/photos/photo-view';

/** What a desk screen says a photo shows: its alt text, else its caption, else at least its file name. */
export function photoAltText(photo: Pick<PhotoView, 'altText' | 'caption' | 'originalName'>): string {
  return photo.altText.trim() || photo.caption.trim() || `Photo “${photo.originalName}”`;
}
