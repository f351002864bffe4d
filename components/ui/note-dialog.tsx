'use client';

import { type ReactNode, useState } from 'react';
import { FormField } from '@/components/editor/form-field';
import { ApiError } from '@/lib/api-client';
import { StepDialog } from './step-dialog';

/** A field's own errors from a refusal, to show beside it. */
export function fieldErrors(error: unknown, field: string): string[] {
  return error instanceof ApiError ? (error.fields[field] ?? []) : [];
}

export type DialogProps<T> = { pending: boolean; error: Error | null; onClose: () => void; onConfirm: (value: T) => void };

/** The dialog's refusal, unless every part of it is shown beside its own field. */
export function generalError(error: Error | null, fields: string[]): ReactNode {
  if (!error) return null;
  const shownByField = error instanceof ApiError && Object.keys(error.fields).length > 0 && Object.keys(error.fields).every((field) => fields.includes(field));
  return shownByField ? null : <StepErrorContent error={error} />;
}

/** A refusal: its message, and the list of what stops publishing when that is the reason. */
export function StepErrorContent({ error }: { error: Error }) {
  const blockers = fieldErrors(error, 'publish');
  return (
    <>
      <p>{error.message}</p>
      {blockers.length > 0 && (
        <ul>
          {blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      )}
    </>
  );
}

type NoteDialogProps = DialogProps<string> & {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The note's field: its label, its form name and what it is for. */
  field: { label: string; name: string; hint?: string };
};

/** A step that needs a note, for the writer (a return) or the audit log (a withdrawal). */
export function NoteDialog({ title, description, confirmLabel, danger, field, pending, error, onClose, onConfirm }: NoteDialogProps) {
  const [note, setNote] = useState('');
  return (
    <StepDialog
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      danger={danger}
      pending={pending}
      error={generalError(error, ['note'])}
      onClose={onClose}
      onConfirm={() => onConfirm(note)}
    >
      <FormField {...field} multiline rows={3} value={note} onChange={(_, value) => setNote(value)} errors={fieldErrors(error, 'note')} />
    </StepDialog>
  );
}
