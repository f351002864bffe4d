'use client';

import { createContext, useContext } from 'react';
import type { PhotoCard } from '@/lib/photos/photo-use';

/**
 * The library photos the article uses, by id: the editor's photo previews read them from here,
 * since a Tiptap node holds only the photo's id and this article's overrides.
 */
export const PhotoCardsContext = createContext<Record<number, PhotoCard>>({});

export function usePhotoCard(photoId: number): PhotoCard | undefined {
  return useContext(PhotoCardsContext)[photoId];
}
