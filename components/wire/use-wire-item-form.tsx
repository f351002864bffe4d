'use client';

import { useActionState } from 'react';
import { type DraftFromWireState, draftFromWireAction } from '@/app/(desk)/desk/wire/[id]/actions';

/** **Use**: makes a draft from the item and opens it in the editor. */
export function UseWireItemForm({ wireItemId }: { wireItemId: number }) {
  const [state, action, pending] = useActionState<DraftFromWireState, FormData>(draftFromWireAction, { error: null });
  return (
    <form action={action}>
      <input type="hidden" name="wireItemId" value={wireItemId} />
      {state.error && (
        <p className="notice notice--error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Making a draft…' : 'Use'}
      </button>
    </form>
  );
}
