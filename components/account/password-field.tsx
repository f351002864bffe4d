import { useId } from 'react';
import { LabelledField } from '@/components/ui/labelled-field';

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
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      {(description) => <input id={id} name={name} type="password" autoComplete={autoComplete} {...description} />}
    </LabelledField>
  );
}

export const NEW_PASSWORD_HINT = 'At least 12 characters; not a common password and not your email. A few unrelated words work well.';
