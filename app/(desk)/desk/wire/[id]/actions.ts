'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/app-error';
import { parseId } from '@/lib/validation/parse-id';
import { requireSignedIn } from '@/server/session';
import { draftFromWireItem } from '@/server/wire-ingest/draft-from-wire-item';

export type DraftFromWireState = { error: string | null };

/** Use: a draft from the item, opened in the editor; a refusal (canceled meanwhile) comes back as a message. */
export async function draftFromWireAction(_previous: DraftFromWireState, form: FormData): Promise<DraftFromWireState> {
  const id = String(form.get('wireItemId') ?? '');
  const user = await requireSignedIn(`/desk/wire/${id}`);
  let articleId: number;
  try {
    ({ articleId } = draftFromWireItem(user, parseId(id, 'wire item')));
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  redirect(`/desk/articles/${articleId}`);
}
