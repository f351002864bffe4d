'use server';

import { revalidatePath } from 'next/cache';
import type { FilingFormState } from '@/app/(desk)/admin/actions';
import { isAppError } from '@/lib/app-error';
import { parseId } from '@/lib/validation/parse-id';
import { removeForLegalReasons } from '@/server/legal-removals/remove-for-legal-reasons';
import { requireSignedIn } from '@/server/session';

/** The legal-removal form: the words and the reason, for the story named by its hidden `articleId`. */
export async function removeForLegalReasonsAction(_previous: FilingFormState, form: FormData): Promise<FilingFormState> {
  const rawId = String(form.get('articleId') ?? '');
  const page = `/desk/articles/${rawId}/legal-removals`;
  const user = await requireSignedIn(page);
  const values = { text: String(form.get('text') ?? ''), reason: String(form.get('reason') ?? '') };
  try {
    removeForLegalReasons(user, parseId(rawId, 'article'), values);
  } catch (error) {
    if (isAppError(error)) return { error: error.message, fields: error.details.fields ?? {}, done: null, values };
    throw error;
  }
  revalidatePath(page);
  return { error: null, fields: {}, done: 'Removed from every public version and output of the story.', values: {} };
}
