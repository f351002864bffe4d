'use server';

import { revalidatePath } from 'next/cache';
import { isAppError } from '@/lib/app-error';
import { ChangeRoleInput, SetDisabledInput } from '@/lib/validation/user';
import { parseInput } from '@/lib/validation/parse-input';
import { requireSignedIn } from '@/server/session';
import { changeUserRole, setUserDisabled } from '@/server/users/update-user-access';

export type AccessFormState = { error: string | null };

/** Runs an admin change; a refusal comes back as a message on the row instead of an error page. */
async function attempt(change: () => void): Promise<AccessFormState> {
  try {
    change();
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin');
  return { error: null };
}

export async function changeRoleAction(_previous: AccessFormState, form: FormData): Promise<AccessFormState> {
  const actor = await requireSignedIn('/admin');
  return attempt(() => {
    const input = parseInput(ChangeRoleInput, { userId: form.get('userId'), role: form.get('role') });
    changeUserRole(actor, input.userId, input.role);
  });
}

export async function setDisabledAction(_previous: AccessFormState, form: FormData): Promise<AccessFormState> {
  const actor = await requireSignedIn('/admin');
  return attempt(() => {
    const input = parseInput(SetDisabledInput, { userId: form.get('userId'), disabled: form.get('disabled') });
    setUserDisabled(actor, input.userId, input.disabled);
  });
}
