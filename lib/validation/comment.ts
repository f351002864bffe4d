import { z } from 'zod';

export const COMMENT_MAX = 5000;
export const QUOTE_MAX = 1000;
/** Room for the editor's 32 characters either side of a passage, and some slack for other clients. */
export const QUOTE_CONTEXT_MAX = 64;

const count = (n: number) => n.toLocaleString('en-GB');

const context = (side: 'before' | 'after') =>
  z
    .string({ error: `The text ${side} the passage must be text` })
    .max(QUOTE_CONTEXT_MAX, `At most ${QUOTE_CONTEXT_MAX} characters of the text ${side} the passage are kept`)
    .default('');

/** A passage of the body's plain text, as `lib/comments/text-anchor.ts` describes it. */
const CommentAnchor = z.strictObject({
  quote: z
    .string({ error: 'Select a passage of the body first.' })
    .max(QUOTE_MAX, `Select at most ${count(QUOTE_MAX)} characters to comment on.`)
    .refine((quote) => quote.trim() !== '', 'Select a passage of the body first.'),
  prefix: context('before'),
  suffix: context('after'),
});

export const AddCommentInput = z
  .strictObject({
    body: z
      .string({ error: 'The comment must be text' })
      .trim()
      .min(1, 'Write a comment.')
      .max(COMMENT_MAX, {
        error: (issue) => `A comment can be at most ${count(COMMENT_MAX)} characters; this one has ${count(String(issue.input).length)}.`,
      })
      // One spelling of each accented letter, so a mention matches the name however it was typed.
      .transform((body) => body.normalize('NFC')),
    /** The thread replied to; a reply to a reply joins the same thread. */
    parentId: z.number({ error: 'Unknown comment' }).int('Unknown comment').positive('Unknown comment').optional(),
    anchor: CommentAnchor.optional(),
  })
  .refine((input) => input.parentId === undefined || input.anchor === undefined, {
    path: ['anchor'],
    error: 'A reply belongs to its thread’s passage; start a new comment to point at another.',
  });
export type AddCommentInput = z.infer<typeof AddCommentInput>;

export const SetCommentResolvedInput = z.strictObject({
  resolved: z.boolean({ error: 'Say whether the thread is resolved: true or false' }),
});
export type SetCommentResolvedInput = z.infer<typeof SetCommentResolvedInput>;
