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
