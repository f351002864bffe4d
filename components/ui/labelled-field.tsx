import { type ReactNode, useId } from 'react';

/** What the input itself carries so its hint and errors are announced with it. */
export type FieldDescription = { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

type Props = {
  /** The input's id, which the label points at. */
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (description: FieldDescription) => ReactNode;
};

/** A visible label, an optional hint and the field's errors around one input of the caller's. */
export function LabelledField({ id, label, hint, errors, children }: Props) {
  const generated = useId();
  const hintId = hint ? `${generated}-hint` : undefined;
  const errorId = errors?.length ? `${generated}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {children({ 'aria-invalid': errorId ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined })}
      {errorId && (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
