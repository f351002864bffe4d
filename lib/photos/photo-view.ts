import type { PhotoMime } from '@/lib/domain-constants';

/** The library fields a person edits; the rest of a photo comes from its file. */
export const PHOTO_FIELDS = ['caption', 'photographer', 'agency', 'copyrightNotice', 'altText', 'rightsUrl'] as const;
export type PhotoField = (typeof PHOTO_FIELDS)[number];

export const PHOTO_FIELD_LABELS: Record<PhotoField, string> = {
  caption: 'Caption',
  photographer: 'Photographer',
  agency: 'Agency',
  copyrightNotice: 'Copyright notice',
  altText: 'Alt text',
  rightsUrl: 'Rights URL',
};

/** The longest value each field takes; metadata read from a file is cut to fit. */
export const PHOTO_FIELD_MAX: Record<PhotoField, number> = {
  caption: 2000,
  photographer: 200,
  agency: 200,
  copyrightNotice: 500,
  altText: 1000,
  rightsUrl: 2000,
};

/** Which fields were prefilled from the file, and from which tag (e.g. `XMP dc:description`). */
export type PrefilledFrom = Partial<Record<PhotoField | 'takenAt', string>>;

/** One library photo as the desk sees it. */
export type PhotoView = {
  id: number;
  sha256: string;
  originalName: string;
  mime: PhotoMime;
  sizeBytes: number;
  width: number;
  height: number;
  caption: string;
  photographer: string;
  agency: string;
  copyrightNotice: string;
  altText: string;
  rightsUrl: string;
  /** The agency's terms of use, when the photo came with wire copy; not edited on the desk. */
  usageTerms: string;
  /** ISO-8601 UTC, when the file says when it was taken. */
  takenAt: string | null;
  creditLine: string;
  prefilledFrom: PrefilledFrom;
  uploadedByName: string;
  createdAt: string;
  version: number;
};

/** A photo with the metadata read from its file, kept as it was read. */
export type PhotoDetail = PhotoView & { fileMetadata: Record<string, unknown> };

/** The answer to an upload: the library photo, and whether those bytes were already in it. */
export type UploadResult = { photo: PhotoView; duplicate: boolean };

export type PhotoPage = { items: PhotoView[]; nextCursor: string | null };
