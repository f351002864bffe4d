'use server';

import { CredentialsSignin } from 'next-auth';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FieldErrors, isAppError } from '@/lib/app-error';
import { MAIL_KINDS } from '@/lib/mail/mail-kinds';
import { signIn } from '@/server/auth/next-auth';
import { saveMailPreferences } from '@/server/mail/mail-preferences';
import { requireSignedIn } from '@/server/session';
import { changeOwnPassword, renameSelf } from '@/server/users/update-account';

export type AccountFormState = { error: string | null; fields: FieldErrors; done: string | null };

const PAGE = '/account';

function refused(error: unknown): AccountFormState {
  if (isAppError(error)) return { error: error.message, fields: error.details.fields ?? {}, done: null };
  throw error;
}

export async function renameAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireSignedIn(PAGE);
  try {
    renameSelf(user, { name: form.get('name') });
  } catch (error) {
    return refused(error);
  }
  // The header shows the name on every desk page.
  revalidatePath('/', 'layout');
  return { error: null, fields: {}, done: 'Your name is saved.' };
}

export async function saveMailPreferencesAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireSignedIn(PAGE);
  try {
    saveMailPreferences(user, Object.fromEntries(MAIL_KINDS.map((kind) => [kind, form.get(kind)])));
  } catch (error) {
    return refused(error);
  }
  revalidatePath(PAGE);
  return { error: null, fields: {}, done: 'Your email choices are saved.' };
}

export async function changePasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const user = await requireSignedIn(PAGE);
  const password = form.get('password');
  try {
    await changeOwnPassword(user, { currentPassword: form.get('currentPassword'), password, confirm: form.get('confirm') });
  } catch (error) {
    return refused(error);
  }
  // The change ended every session, this one too; signing in again with the new password gives
  // this browser a session at the new sessionVersion, and every other device stays signed out.
  try {
    await signIn('credentials', { email: user.email, password: String(password), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) redirect(`/login?next=${PAGE}`);
    throw error;
  }
  // A fresh page load rather than a form state: the new session cookie makes Next re-render the
  // route, which would drop the form's state before the person could read it.
  redirect(`${PAGE}?notice=password_changed`);
}
