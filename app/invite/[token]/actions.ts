'use server';

import { redirect } from 'next/navigation';
import { type FieldErrors, isAppError } from '@/lib/app-error';
import { setPasswordFromLink } from '@/server/users/password-links';

export type SetPasswordState = { error: string | null; fields: FieldErrors };

/** Public on purpose: the link's token is the credential, checked (and spent) by the domain. */
export async function setPasswordAction(_previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  try {
    await setPasswordFromLink({ token: form.get('token'), password: form.get('password'), confirm: form.get('confirm') });
  } catch (error) {
    if (isAppError(error)) return { error: error.message, fields: error.details.fields ?? {} };
    throw error;
  }
  redirect('/login?notice=password_set');
}
