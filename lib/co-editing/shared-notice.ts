import { z } from 'zod';

/**
 * What the server tells everyone in an article's shared document, beside the document itself: the
 * article moved on (a fold, someone's Save, a restore, a JSON API save, a workflow step), so
 * screens read its version, status and history again; or the text as it stands could not be
 * folded into the history, and why.
 */
export const SharedNotice = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article-changed') }),
  z.strictObject({ kind: z.literal('not-saved'), problem: z.string(), fields: z.record(z.string(), z.array(z.string())) }),
]);
export type SharedNotice = z.infer<typeof SharedNotice>;

/** The notice a stateless message carries, or null for anything else (never trusted blindly). */
export function readSharedNotice(payload: string): SharedNotice | null {
  try {
    const parsed = SharedNotice.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
