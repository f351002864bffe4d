'use client';

import { useActionState, useState } from 'react';
import { inviteUserAction, type PeopleFormState } from '@/app/(desk)/admin/users/actions';
import { FormField } from '@/components/editor/form-field';
import { ROLE_LABELS, ROLES } from '@/lib/domain-constants';
import { PasswordLinkNotice } from './password-link-notice';

const INITIAL: PeopleFormState = { error: null, fields: {}, link: null };

/** Name, email and role; the person sets their own password from the invite link shown here. */
export function InviteUserForm({ timeZone }: { timeZone: string }) {
  const [values, setValues] = useState({ name: '', email: '' });
  const [invited, setInvited] = useState('');
  const [state, action, pending] = useActionState<PeopleFormState, FormData>(async (previous, form) => {
    const next = await inviteUserAction(previous, form);
    if (next.link) {
      setInvited(values.name.trim());
      setValues({ name: '', email: '' });
    }
    return next;
  }, INITIAL);
  const update = (name: 'name' | 'email', value: string) => setValues((current) => ({ ...current, [name]: value }));
  const generalError = state.error && Object.keys(state.fields).length === 0 ? state.error : null;

  return (
    <section className="card invite-user" aria-labelledby="invite-user-title">
      <h2 id="invite-user-title">Create user</h2>
      <form action={action} noValidate>
        <div className="field-row">
          <FormField label="Name" name="name" value={values.name} onChange={update} errors={state.fields.name} />
          <FormField label="Email" name="email" value={values.email} onChange={update} errors={state.fields.email} />
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" name="role" defaultValue="editor" aria-invalid={state.fields.role ? true : undefined}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            {state.fields.role && <p className="field__error">{state.fields.role.join(' ')}</p>}
          </div>
        </div>
        {generalError && (
          <p className="notice notice--error" role="alert">
            {generalError}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create user and get invite link'}
        </button>
      </form>
      {state.link && <PasswordLinkNotice link={state.link} label={`Invite link for ${invited}`} timeZone={timeZone} />}
    </section>
  );
}
