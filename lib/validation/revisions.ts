import { z } from 'zod';

const revisionNumber = z.coerce
  .number({ error: 'A revision number must be a whole number' })
  .int('A revision number must be a whole number')
  .positive('A revision number must be a whole number');

export const HistoryQuery = z.strictObject({ before: revisionNumber.optional() });

/** The parts of a revision the desk may bring back on their own; the dateline's place and source go together. */
export const RESTORABLE_FIELDS = ['headline', 'standfirst', 'dateline', 'byline', 'leadPhoto', 'body'] as const;
export type RestorableField = (typeof RESTORABLE_FIELDS)[number];

export const RESTORABLE_FIELD_LABELS: Record<RestorableField, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  dateline: 'Dateline',
  byline: 'Byline',
  leadPhoto: 'Lead photo',
  body: 'Body',
};

export const RestoreRevisionInput = z.strictObject({
  version: z.number({ error: 'Version must be a whole number' }).int('Version must be a whole number').min(1),
  fields: z
    .array(z.enum(RESTORABLE_FIELDS, { error: `Choose from: ${RESTORABLE_FIELDS.join(', ')}` }))
    .min(1, 'Choose at least one part to restore.')
    .max(RESTORABLE_FIELDS.length)
    .default([...RESTORABLE_FIELDS]),
});
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInput>;

/** A side of a comparison: a revision number, or the live or working revision as the article is now. */
const RevisionRef = z.union([z.enum(['live', 'working']), revisionNumber], {
  error: 'Name a revision by its number, or “live” or “working”.',
});
export type RevisionRef = z.infer<typeof RevisionRef>;

export const CompareQuery = z.strictObject({ from: RevisionRef.optional(), to: RevisionRef.optional() });
export type CompareQuery = z.infer<typeof CompareQuery>;
