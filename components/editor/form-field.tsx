'use client';

import { useId } from 'react';

type Props<Name extends string> = {
  label: string;
  name: Name;
  value: string;
  onChange: (name: Name, value: string) => void;
  onBlur?: () => void;
  errors?: string[];
  hint?: string;
  readOnly?: boolean;
  multiline?: boolean;
  rows?: number;
  /** For a one-line field: `datetime-local` gives the browser's date and time picker. */
  type?: 'text' | 'datetime-local';
};

/** A labelled input or text area whose hint and errors are announced with it. */
export function FormField<Name extends string>({
  label,
  name,
  value,
  onChange,
  onBlur,
  errors,
  hint,
  readOnly,
  multiline,
  rows,
  type = 'text',
}: Props<Name>) {
  const generated = useId();
  const id = name;
  const hintId = hint ? `${generated}-hint` : undefined;
  const errorId = errors?.length ? `${generated}-error` : undefined;
  const common = {
    id,
    name,
    value,
    readOnly,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    onChange: (event: { target: { value: string } }) => onChange(name, event.target.value),
    onBlur,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
      {errorId && (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
