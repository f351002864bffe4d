'use client';

import { useActionState, useId } from 'react';
import { createWireSourceAction, type RevokeFormState, revokeWireSourceAction, type WireSourceFormState } from '@/app/(desk)/admin/wire-sources/actions';

const INITIAL: WireSourceFormState = { error: null, fields: {}, issued: null };

/** Names an agency and shows its new ingest token, once, to pass on with the ingest address. */
export function WireSourceForm() {
  const [state, action, pending] = useActionState(createWireSourceAction, INITIAL);
  const nameError = state.fields.name?.join(' ') ?? (state.error && Object.keys(state.fields).length === 0 ? state.error : null);
  const tokenId = useId();
  return (
    <section className="card" aria-labelledby="wire-source-title">
      <h2 id="wire-source-title">Give an agency an ingest token</h2>
      <form action={action} noValidate>
        <div className="field">
          <label htmlFor="wire-source-name">Agency</label>
          <input id="wire-source-name" name="name" type="text" aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? 'wire-source-name-error' : undefined} />
          {nameError && (
            <p className="field__error" id="wire-source-name-error">
              {nameError}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {state.issued && (
        <div className="notice notice--info" role="status">
          <label htmlFor={tokenId}>Ingest token for {state.issued.name}</label>
          <input id={tokenId} className="wire-token" type="text" readOnly value={state.issued.token} onFocus={(event) => event.currentTarget.select()} />
          <p className="field__hint">
            Shown only now; only its fingerprint is kept. The agency sends items to <code>POST /api/v1/ingest</code> with the header{' '}
            <code>Authorization: Bearer</code> and this token.
          </p>
        </div>
      )}
    </section>
  );
}

/** Revoke: the agency's next item is refused; what it sent stays on the wire. */
export function RevokeWireSourceForm({ sourceId, name }: { sourceId: number; name: string }) {
  const [state, action, pending] = useActionState<RevokeFormState, FormData>(revokeWireSourceAction, { error: null });
  return (
    <form action={action}>
      <input type="hidden" name="sourceId" value={sourceId} />
      {state.error && (
        <p className="notice notice--error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button button--danger" disabled={pending} aria-label={`Revoke the token of ${name}`}>
        Revoke
      </button>
    </form>
  );
}
