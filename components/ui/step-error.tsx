import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';

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
