'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { type FieldErrors, isAppError } from '@/lib/app-error';
import { passwordLinkPath } from '@/lib/people';
import { SetDisabledInput, UserIdInput } from '@/lib/validation/user';
import { parseInput } from '@/lib/validation/parse-input';
import { requireSignedIn } from '@/server/session';
import { inviteUser } from '@/server/users/invite-user';
import { resetPassword } from '@/server/users/reset-password';
import { changeUserRole, setUserDisabled } from '@/server/users/update-user-access';
import type { IssuedPasswordLink } from '@/server/users/user-tokens';

const PAGE = '/admin/users';

/** A one-time link as the admin passes it on: the full address, until when it works, and whether it was also mailed. */
export type ShownLink = { url: string; expiresAt: string; mailed: boolean };
export type PeopleFormState = { error: string | null; fields: FieldErrors; link: ShownLink | null };

const INITIAL: PeopleFormState = { error: null, fields: {}, link: null };

/**
 * Runs an admin change; a refusal (the last admin, a taken email) comes back as a message on the
 * form instead of an error page. Each server function re-checks that the actor is an admin.
 */
async function attempt(change: () => Promise<IssuedPasswordLink | void> | IssuedPasswordLink | void): Promise<PeopleFormState> {
  let issued: IssuedPasswordLink | void;
  try {
    issued = await change();
  } catch (error) {
    if (isAppError(error)) return { ...INITIAL, error: error.message, fields: error.details.fields ?? {} };
    throw error;
  }
  revalidatePath(PAGE);
  return { ...INITIAL, link: issued ? await shownLink(issued) : null };
}

/** The address as this admin's browser reaches the desk (Next has already checked the action's Origin). */
async function shownLink(link: IssuedPasswordLink): Promise<ShownLink> {
  const origin = (await headers()).get('origin') ?? '';
  return { url: `${origin}${passwordLinkPath(link.token)}`, expiresAt: link.expiresAt, mailed: link.mailed };
}

export async function inviteUserAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  const actor = await requireSignedIn(PAGE);
  return attempt(async () => {
    const { link } = await inviteUser(actor, { name: form.get('name'), email: form.get('email'), role: form.get('role') });
    return link;
  });
}

export async function changeRoleAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  const actor = await requireSignedIn(PAGE);
  return attempt(() => changeUserRole(actor, parseInput(UserIdInput, form.get('userId')), String(form.get('role') ?? '')));
}

export async function setDisabledAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  const actor = await requireSignedIn(PAGE);
  return attempt(() => {
    const input = parseInput(SetDisabledInput, { userId: form.get('userId'), disabled: form.get('disabled') });
    setUserDisabled(actor, input.userId, input.disabled);
  });
}

export async function resetPasswordAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  const actor = await requireSignedIn(PAGE);
  return attempt(() => resetPassword(actor, parseInput(UserIdInput, form.get('userId'))));
}
