import { z } from 'zod';

/**
 * Words to remove from a story's public outputs for legal reasons, and why. The reason goes to the
 * audit log only; readers see neither it nor the words.
 */
export const LegalRemovalInput = z.strictObject({
  text: z
    .string({ error: 'Type the exact words to remove' })
    .trim()
    .min(3, 'Type at least three characters of the exact words to remove')
    .max(2_000, 'At most 2,000 characters; remove a long passage in parts'),
  reason: z.string({ error: 'Say why the words are removed' }).trim().min(1, 'Say why the words are removed (kept in the audit log, never shown)').max(2_000, 'At most 2,000 characters'),
});
export type LegalRemovalInput = z.infer<typeof LegalRemovalInput>;
