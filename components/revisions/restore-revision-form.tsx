'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { ArticleView } from '@/lib/article-view';
import { RESTORABLE_FIELD_LABELS, RESTORABLE_FIELDS, type RestorableField } from '@/lib/validation/revisions';

type Props = { articleId: number; number: number; version: number };

/**
 * Brings back the older revision, whole or in parts, as a new revision on top of the working copy;
 * then the article opens with the restored text. Nothing is taken out of the history.
 */
export function RestoreRevisionForm({ articleId, number, version }: Props) {
  const router = useRouter();
  const [fields, setFields] = useState<RestorableField[]>([...RESTORABLE_FIELDS]);
  const restore = useMutation({
    mutationFn: () => apiFetch<ArticleView>(`/api/articles/${articleId}/revisions/${number}/restore`, { method: 'POST', body: { version, fields } }),
    onSuccess: () => router.push(`/desk/articles/${articleId}`),
  });

  function toggle(field: RestorableField, on: boolean) {
    setFields((chosen) => (on ? RESTORABLE_FIELDS.filter((f) => f === field || chosen.includes(f)) : chosen.filter((f) => f !== field)));
  }

  return (
    <form
      className="card restore-form"
      aria-labelledby="restore-title"
      onSubmit={(event) => {
        event.preventDefault();
        restore.mutate();
      }}
    >
      <h2 id="restore-title">Restore revision {number}</h2>
      <fieldset>
        <legend>Parts to bring back</legend>
        {RESTORABLE_FIELDS.map((field) => (
          <label key={field} className="check">
            <input type="checkbox" checked={fields.includes(field)} onChange={(event) => toggle(field, event.target.checked)} />{' '}
            {RESTORABLE_FIELD_LABELS[field]}
          </label>
        ))}
      </fieldset>
      <p className="field__hint">The restored text becomes a new revision; every revision stays in the history.</p>
      {restore.error && (
        <p className="notice notice--error" role="alert">
          {restore.error instanceof ApiError ? restore.error.message : 'Nothing was restored; try again.'}
        </p>
      )}
      <button type="submit" className="button" disabled={fields.length === 0 || restore.isPending}>
        {restore.isPending ? 'Restoring…' : `Restore ${fields.length === RESTORABLE_FIELDS.length ? 'revision' : 'selected parts'}`}
      </button>
    </form>
  );
}
