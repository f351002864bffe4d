'use client';

import { type ReactNode, useState } from 'react';
import { FormField } from '@/components/editor/form-field';
import { StepDialog } from './step-dialog';
import { type DialogProps, fieldErrors, generalError } from './step-error';

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
