'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import {
  changeRoleAction,
  type PeopleFormState,
  resetPasswordAction,
  setDisabledAction,
} from '@/app/(desk)/admin/users/actions';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain-constants';
import { PasswordLinkNotice } from './password-link-notice';

type Props = {
  userId: number;
  name: string;
  role: Role;
  disabled: boolean;
  timeZone: string;
  /**
   * The admin's own row: the controls stay, so the server can say why it refuses (another admin must
   * do it, or no admin would be left); the password is changed on /account instead.
   */
  self: boolean;
};

const INITIAL: PeopleFormState = { error: null, fields: {}, link: null };

/** Role, access and password controls for one person; refusals (e.g. the last admin) show on the row. */
export function UserAccessControls({ userId, name, role, disabled, timeZone, self }: Props) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, INITIAL);
  const [accessState, accessAction, accessPending] = useActionState(setDisabledAction, INITIAL);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, INITIAL);
  const error = roleState.error ?? accessState.error ?? resetState.error;
  const selectId = `role-${userId}`;
  return (
    <div className="access-controls">
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={selectId}>Role for {name}</label>
        <select id={selectId} name="role" defaultValue={role}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--quiet" disabled={rolePending}>
          Change role
        </button>
      </form>
      <div className="inline-form">
        <form action={accessAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
          <button type="submit" className={disabled ? 'button button--quiet' : 'button button--danger'} disabled={accessPending}>
            {disabled ? `Enable ${name}` : `Disable ${name}`}
          </button>
        </form>
        {self && <Link href="/account">Change your password</Link>}
        {!self && !disabled && (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" className="button button--quiet" disabled={resetPending}>
              Reset password for {name}
            </button>
          </form>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert" aria-label={`Problem with ${name}`}>
          {error}
        </p>
      )}
      {resetState.link && !disabled && (
        <PasswordLinkNotice link={resetState.link} label={`Password link for ${name}`} timeZone={timeZone} />
      )}
    </div>
  );
}
