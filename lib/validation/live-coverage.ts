import { z } from 'zod';
import { BodyDoc } from '@/lib/article-body';
import { HEADLINE_MAX } from '@/lib/domain-constants';

/** How many key points a live story's summary holds, and how long each may be. */
export const KEY_POINTS_MAX = 10;
export const KEY_POINT_MAX_LENGTH = 300;
/** How many author profiles an entry may credit. */
export const ENTRY_AUTHORS_MAX = 10;

const version = z.number({ error: 'Version must be a whole number' }).int('Version must be a whole number').min(1);

const entryFields = {
  headline: z
    .string({ error: 'Headline must be text' })
    .trim()
    .max(HEADLINE_MAX, `Headline must be at most ${HEADLINE_MAX} characters`)
    .default(''),
  body: BodyDoc,
  authorIds: z
    .array(z.number().int().positive(), { error: 'Authors must be a list of author ids' })
    .max(ENTRY_AUTHORS_MAX, `An entry credits at most ${ENTRY_AUTHORS_MAX} authors`)
    .default([]),
};

/** A new entry; with no authors, the poster's own profile is credited. */
export const PostEntryInput = z.strictObject(entryFields);
export type PostEntryInput = z.infer<typeof PostEntryInput>;

/** The composer's unposted entry, autosaved. */
export const EntryDraftInput = z.strictObject(entryFields);
export type EntryDraftInput = z.infer<typeof EntryDraftInput>;

/** An entry's new text, based on the version the editor loaded. */
export const EditEntryInput = z.strictObject({ ...entryFields, version });
export type EditEntryInput = z.infer<typeof EditEntryInput>;

export const PinEntryInput = z.strictObject({ pinned: z.boolean({ error: 'Pinned must be true or false' }), version });
export type PinEntryInput = z.infer<typeof PinEntryInput>;

export const RemoveEntryInput = z.strictObject({ version });
export type RemoveEntryInput = z.infer<typeof RemoveEntryInput>;

/**
 * The summary's key points, one short text each, and the points the editor started from: a save
 * made on top of someone else's newer points is refused rather than overwriting them.
 */
const keyPoints = z
  .array(
    z
      .string({ error: 'Each key point must be text' })
      .trim()
      .max(KEY_POINT_MAX_LENGTH, `Each key point must be at most ${KEY_POINT_MAX_LENGTH} characters`),
  )
  .max(KEY_POINTS_MAX, `The summary holds at most ${KEY_POINTS_MAX} key points`)
  .transform((points) => points.filter(Boolean));

export const KeyPointsInput = z.strictObject({ keyPoints, basedOn: keyPoints });
export type KeyPointsInput = z.infer<typeof KeyPointsInput>;
