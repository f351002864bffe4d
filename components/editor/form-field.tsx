'use client';

import { LabelledField } from '@/components/ui/labelled-field';

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
  const id = name;
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      {(description) => {
        const common = { id, name, value, readOnly, ...description, onChange: (event: { target: { value: string } }) => onChange(name, event.target.value), onBlur };
        return multiline ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />;
      }}
    </LabelledField>
  );
}
