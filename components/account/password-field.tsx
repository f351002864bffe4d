import { useId } from 'react';

type Props = {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  errors?: string[];
  hint?: string;
};

/**
 * A labelled password input whose hint and errors are announced with it. Uncontrolled: a password
 * is never put back into the page after a refusal.
 */
export function PasswordField({ label, name, autoComplete, errors, hint }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      />
      {errorId && (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}

export const NEW_PASSWORD_HINT = 'At least 12 characters; not a common password and not your email. A few unrelated words work well.';
