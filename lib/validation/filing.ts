import { z } from 'zod';

export const TAG_NAME_MAX = 60;
export const TAGS_MAX = 20;
export const AUTHORS_MAX = 10;

const id = (label: string) => z.number({ error: `${label} must be a whole number` }).int(`${label} must be a whole number`).positive(label);

/** A tag as it is kept: trimmed, inner runs of space made one. */
export const normalTagName = (name: string): string => name.trim().replace(/\s+/g, ' ');

export const TagName = z
  .string({ error: 'A tag must be text' })
  .transform(normalTagName)
  .pipe(z.string().min(1, 'A tag cannot be empty').max(TAG_NAME_MAX, `A tag must be at most ${TAG_NAME_MAX} characters`));

/**
 * Where the desk files a story: its primary section, its tags by name (a new name makes a new tag),
 * and the authors it credits, in byline order.
 */
export const FilingInput = z.strictObject({
  sectionId: id('Choose a section').nullable(),
  tags: z.array(TagName).max(TAGS_MAX, `At most ${TAGS_MAX} tags`),
  authorIds: z.array(id('Choose an author')).max(AUTHORS_MAX, `At most ${AUTHORS_MAX} authors`),
});
export type FilingInput = z.infer<typeof FilingInput>;

export const FILING_NAME_MAX = 80;
export const DESCRIPTION_MAX = 1000;
export const BIO_MAX = 1000;

/** An id sent by a form field: empty means none. */
const optionalFormId = (label: string) =>
  z.preprocess((value) => (value === '' || value === undefined || value === null ? null : Number(value)), id(label).nullable());

const formId = (label: string) => z.coerce.number({ error: label }).int(label).positive(label);

const filingName = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .transform(normalTagName)
    .pipe(z.string().min(1, `Enter a ${label.toLowerCase()}`).max(FILING_NAME_MAX, `${label} must be at most ${FILING_NAME_MAX} characters`));

/**
 * The address part of /section/<slug>, /tag/<slug>, /author/<slug>. Left empty, the domain spells
 * it from the name, so an admin only types one when the name's own spelling will not do.
 */
export const FilingSlug = z
  .string({ error: 'Give the address as text' })
  .trim()
  .max(FILING_NAME_MAX, `Keep the address to ${FILING_NAME_MAX} characters or fewer`)
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'Use lower-case letters, digits and single hyphens between words, like world-news');

/**
 * An IPTC Media Topic code: 8 digits ("11000000" is politics). The URI form a person may paste
 * ("medtop:11000000" or the cv.iptc.org address) is taken down to the code; empty means none.
 */
export const MediaTopicCode = z
  .string({ error: 'A Media Topic code must be text' })
  .trim()
  .transform((code) => code.replace(/^(?:https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/|medtop:)/i, ''))
  .pipe(z.string().regex(/^(?:\d{8})?$/, 'A Media Topic code is 8 digits, like 11000000'))
  .transform((code) => code || null);

export const SectionInput = z.strictObject({
  name: filingName('Name'),
  slug: FilingSlug.default(''),
  description: z.string({ error: 'The description must be text' }).trim().max(DESCRIPTION_MAX, `Keep the description to ${DESCRIPTION_MAX} characters or fewer`).default(''),
  mediaTopic: MediaTopicCode.default(''),
});
export type SectionInput = z.infer<typeof SectionInput>;

/** The sections in their new order, every one named once. */
export const ReorderSectionsInput = z.strictObject({
  sectionIds: z.array(id('Choose a section')).min(1, 'Name the sections to order'),
});
export type ReorderSectionsInput = z.infer<typeof ReorderSectionsInput>;

export const TagInput = z.strictObject({
  name: TagName,
  slug: FilingSlug.default(''),
  mediaTopic: MediaTopicCode.default(''),
});
export type TagInput = z.infer<typeof TagInput>;

export const MergeTagsInput = z
  .strictObject({ fromId: formId('Choose the tag to merge'), intoId: formId('Choose the tag to keep') })
  .refine((input) => input.fromId !== input.intoId, { path: ['intoId'], error: 'A tag cannot be merged into itself; choose another tag to keep' });
export type MergeTagsInput = z.infer<typeof MergeTagsInput>;

export const TagSearchQuery = z.strictObject({ q: z.string().trim().max(TAG_NAME_MAX).default('') });

/**
 * An author as the public sees them. `userId` links a staff account (none: a contributor without
 * one); only an admin may set it, so a person's own edit leaves it out.
 */
export const AuthorInput = z.strictObject({
  name: filingName('Name'),
  slug: FilingSlug.default(''),
  bio: z.string({ error: 'The bio must be text' }).trim().max(BIO_MAX, `Keep the bio to ${BIO_MAX} characters or fewer`).default(''),
  photoId: optionalFormId('Choose a library photo').default(null),
  userId: optionalFormId('Choose a staff member').optional(),
});
export type AuthorInput = z.infer<typeof AuthorInput>;
