'use client';

import dynamic from 'next/dynamic';
import { useActionState, useId, useState } from 'react';
import type { FilingFormState } from '@/app/(desk)/admin/actions';
import { LabelledField } from '@/components/ui/labelled-field';

const PhotoPickerDialog = dynamic(() => import('@/components/photos/photo-picker-dialog').then((module) => module.PhotoPickerDialog), { ssr: false });

export type FilingFormField =
  | { kind: 'text' | 'textarea'; name: string; label: string; value?: string; hint?: string }
  | { kind: 'select'; name: string; label: string; value?: string; hint?: string; options: { value: string; label: string }[] }
  | { kind: 'photo'; name: string; label: string; value?: string; hint?: string };

type Props = {
  action: (previous: FilingFormState, form: FormData) => Promise<FilingFormState>;
  /** Names the form for assistive technology, e.g. "Edit section World". */
  title: string;
  fields: FilingFormField[];
  hidden?: Record<string, string>;
  submit: string;
};

const INITIAL: FilingFormState = { error: null, fields: {}, done: null, values: {} };

/**
 * One admin form for a section, tag or author: visible labels, each refusal beside its field,
 * and what was typed kept when the server refuses it.
 */
export function FilingForm({ action, title, fields, hidden = {}, submit }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const generalError = state.error && !fields.some((field) => state.fields[field.name]) ? state.error : null;
  const titleId = useId();
  return (
    <form action={formAction} noValidate aria-labelledby={titleId} className="filing-form">
      <span id={titleId} className="visually-hidden">
        {title}
      </span>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <FilingInput key={field.name} field={field} value={state.values[field.name] ?? field.value ?? ''} errors={state.fields[field.name]} />
      ))}
      <button type="submit" className="button" disabled={pending}>
        {submit}
      </button>
      {generalError && (
        <p className="notice notice--error" role="alert">
          {generalError}
        </p>
      )}
      <span role="status">{state.done}</span>
    </form>
  );
}

function FilingInput({ field, value, errors }: { field: FilingFormField; value: string; errors?: string[] }) {
  const id = `${useId()}-${field.name}`;
  if (field.kind === 'photo') return <PhotoInput id={id} field={field} value={value} errors={errors} />;
  return (
    <LabelledField id={id} label={field.label} hint={field.hint} errors={errors}>
      {(description) =>
        field.kind === 'textarea' ? (
          <textarea id={id} name={field.name} defaultValue={value} rows={3} {...description} />
        ) : field.kind === 'select' ? (
          <select id={id} name={field.name} defaultValue={value} {...description}>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <input id={id} type="text" name={field.name} defaultValue={value} {...description} />
        )
      }
    </LabelledField>
  );
}

/** A photo from the library, chosen in the desk's picker; the form sends its id. */
function PhotoInput({ id, field, value, errors }: { id: string; field: FilingFormField; value: string; errors?: string[] }) {
  const [photo, setPhoto] = useState<{ id: string; name: string } | null>(value ? { id: value, name: `Photo ${value}` } : null);
  const [picking, setPicking] = useState(false);
  return (
    <fieldset className="field">
      <legend className="field__label">{field.label}</legend>
      <input type="hidden" name={field.name} value={photo?.id ?? ''} />
      <p id={id} className="field__hint">
        {photo ? photo.name : 'No photo.'}
      </p>
      <div>
        <button type="button" className="button button--quiet" onClick={() => setPicking(true)}>
          {photo ? 'Change photo' : 'Choose photo'}
        </button>
        {photo && (
          <button type="button" className="button button--quiet" onClick={() => setPhoto(null)}>
            Remove photo
          </button>
        )}
      </div>
      {errors && <p className="field__error">{errors.join(' ')}</p>}
      {picking && (
        <PhotoPickerDialog
          title={`Choose the ${field.label.toLowerCase()}`}
          onClose={() => setPicking(false)}
          onChoose={(chosen) => {
            setPhoto({ id: String(chosen.id), name: chosen.originalName || `Photo ${chosen.id}` });
            setPicking(false);
          }}
        />
      )}
    </fieldset>
  );
}
