import { z } from 'zod';
import { displayFileName } from '@/lib/photos/file-name';
import { PHOTO_FIELD_LABELS, PHOTO_FIELD_MAX, type PhotoField } from '@/lib/photos/photo-view';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

const field = (name: PhotoField) => text(PHOTO_FIELD_LABELS[name], PHOTO_FIELD_MAX[name]);

const webAddress = (name: PhotoField) =>
  field(name).refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), {
    message: `${PHOTO_FIELD_LABELS[name]} must be a web address starting with http:// or https://`,
  });

/** The library fields, checked the same way in the form and the API. */
export const PhotoFields = {
  caption: field('caption'),
  photographer: field('photographer'),
  agency: field('agency'),
  copyrightNotice: field('copyrightNotice'),
  altText: field('altText'),
  rightsUrl: webAddress('rightsUrl'),
};

export const UpdatePhotoInput = z.strictObject({
  ...PhotoFields,
  version: z.number({ error: 'Version must be a whole number' }).int('Version must be a whole number').min(1),
});
export type UpdatePhotoInput = z.infer<typeof UpdatePhotoInput>;

export const PhotoListQuery = z.strictObject({
  q: text('Search', 200).optional(),
  missingCredit: z.enum(['1', '0']).optional(),
  cursor: z.string().max(100).optional(),
});
export type PhotoListQuery = z.infer<typeof PhotoListQuery>;

/** A file name as the browser sends it: shown back to people, never used as a path. */
export const UploadFileName = z.string().max(1000).transform(displayFileName);
