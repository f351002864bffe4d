import { z } from 'zod';

/**
 * Claiming a story in review, or letting it go. `expectedClaimantId` is who the person saw holding
 * it (null: nobody), so two people claiming at once do not silently take it from each other.
 */
export const ClaimReviewInput = z.strictObject({
  claim: z.boolean({ error: 'Say whether to claim the story or let it go' }),
  expectedClaimantId: z.number().int().positive().nullable(),
});
export type ClaimReviewInput = z.infer<typeof ClaimReviewInput>;
