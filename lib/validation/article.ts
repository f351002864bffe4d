import { z } from 'zod';
import { BodyDoc } from '@/lib/article-body';
import { HEADLINE_MAX } from '@/lib/domain-constants';
import { FilingInput } from './filing';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

/** A per-article override of a photo's caption or credit: empty means "use the library's". */
const optionalOverride = (label: string, max: number) =>
  text(label, max)
    .nullable()
    .default(null)
    .transform((value) => value || null);

/** The fields a writer edits; the same schema checks the form and the API. */
export const ArticleFields = {
  headline: text('Headline', HEADLINE_MAX),
  standfirst: text('Standfirst', 1000),
  datelinePlace: text('Dateline place', 100),
  datelineSource: text('Dateline source', 100),
  byline: text('Byline', 200),
  leadPhoto: z
    .strictObject({
      photoId: z.number({ error: 'Choose a library photo' }).int('Choose a library photo').positive('Choose a library photo'),
      caption: optionalOverride('The lead photo’s caption', 2000),
      credit: optionalOverride('The lead photo’s credit', 300),
    })
    .nullable()
    .default(null),
  body: BodyDoc,
};

export const ArticleFieldsInput = z.strictObject(ArticleFields);
export type ArticleFieldsInput = z.infer<typeof ArticleFieldsInput>;

/** How a write came about: see server/articles/save-article.ts. */
export const SAVE_MODES = ['save', 'autosave', 'keep_mine'] as const;
export type SaveMode = (typeof SAVE_MODES)[number];

export const SaveArticleInput = z.strictObject({
  ...ArticleFields,
  version: z.number({ error: 'Version must be a whole number' }).int('Version must be a whole number').min(1),
  mode: z.enum(SAVE_MODES, { error: `Mode must be one of ${SAVE_MODES.join(', ')}` }).default('save'),
  /** Absent leaves the filing as it is. */
  filing: FilingInput.optional(),
});
export type SaveArticleInput = z.infer<typeof SaveArticleInput>;

/** A co-editor's save: the text is the shared document's, so only how to save it and the filing come along. */
export const SaveSharedInput = z.strictObject({
  mode: z.enum(['save', 'autosave'], { error: 'Mode must be save or autosave' }),
  /** Absent leaves the filing as it is. */
  filing: FilingInput.optional(),
});
export type SaveSharedInput = z.infer<typeof SaveSharedInput>;
