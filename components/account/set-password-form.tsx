'use client';

import { useActionState } from 'react';
import { type SetPasswordState, setPasswordAction } from '@/app/invite/[token]/actions';
import { NEW_PASSWORD_HINT, PasswordField } from './password-field';

/** The public half of an invite or reset: the person chooses their password, twice. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, { error: null, fields: {} });
  return (
    <form action={action} className="card" noValidate>
      {state.error && (
        <p className="notice notice--error" role="alert" aria-label="Password not set">
          {state.error}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <PasswordField label="New password" name="password" autoComplete="new-password" hint={NEW_PASSWORD_HINT} errors={state.fields.password} />
      <PasswordField label="Repeat the password" name="confirm" autoComplete="new-password" errors={state.fields.confirm} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Setting…' : 'Set password'}
      </button>
    </form>
  );
}
