'use client';

import { useActionState, useState } from 'react';
import { type AccountFormState, changePasswordAction, renameAction } from '@/app/(desk)/account/actions';
import { FormField } from '@/components/editor/form-field';
import { NEW_PASSWORD_HINT, PasswordField } from './password-field';

const INITIAL: AccountFormState = { error: null, fields: {}, done: null };

/** The outcome under a form: a refusal not shown beside a field, or what was done. */
function Outcome({ state, label }: { state: AccountFormState; label: string }) {
  if (state.error && Object.keys(state.fields).length === 0) {
    return (
      <p className="notice notice--error" role="alert" aria-label={`${label}: not done`}>
        {state.error}
      </p>
    );
  }
  return state.done ? (
    <p className="notice notice--info" role="status">
      {state.done}
    </p>
  ) : null;
}

export function RenameForm({ name }: { name: string }) {
  const [value, setValue] = useState(name);
  const [state, action, pending] = useActionState(renameAction, INITIAL);
  return (
    <section className="card account-form" aria-labelledby="rename-title">
      <h2 id="rename-title">Your name</h2>
      <form action={action} noValidate>
        <FormField label="Name" name="name" value={value} onChange={(_, next) => setValue(next)} errors={state.fields.name} hint="As bylines, mentions and the desk show you." />
        <Outcome state={state} label="Name" />
        <button type="submit" className="button" disabled={pending}>
          Save name
        </button>
      </form>
    </section>
  );
}

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL);
  return (
    <section className="card account-form" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      {/* React resets a form after its action, so no password stays in the page after a refusal. */}
      <form action={action} noValidate>
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <PasswordField label="Current password" name="currentPassword" autoComplete="current-password" errors={state.fields.currentPassword} />
        <PasswordField label="New password" name="password" autoComplete="new-password" hint={NEW_PASSWORD_HINT} errors={state.fields.password} />
        <PasswordField label="Repeat the new password" name="confirm" autoComplete="new-password" errors={state.fields.confirm} />
        <Outcome state={state} label="Password" />
        <button type="submit" className="button" disabled={pending}>
          Change password
        </button>
      </form>
    </section>
  );
}
