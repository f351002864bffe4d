'use client';

import { useActionState } from 'react';
import { type AccessFormState, changeRoleAction, setDisabledAction } from '@/app/(desk)/admin/actions';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain-constants';

type Props = { userId: number; name: string; role: Role; disabled: boolean };

/** Role and access controls for one person; refusals (e.g. the last admin) show on the row. */
export function UserAccessControls({ userId, name, role, disabled }: Props) {
  const [roleState, roleAction, rolePending] = useActionState<AccessFormState, FormData>(changeRoleAction, { error: null });
  const [accessState, accessAction, accessPending] = useActionState<AccessFormState, FormData>(setDisabledAction, {
    error: null,
  });
  const error = roleState.error ?? accessState.error;
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
      <form action={accessAction} className="inline-form">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
        <button type="submit" className={disabled ? 'button button--quiet' : 'button button--danger'} disabled={accessPending}>
          {disabled ? `Enable ${name}` : `Disable ${name}`}
        </button>
      </form>
      {error && (
        <p className="field__error" role="alert" aria-label={`Problem with ${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
