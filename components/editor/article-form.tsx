'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import { docToPlainText, plainTextToDoc } from '@/lib/article-body';
import type { ArticleView } from '@/lib/article-view';
import { formatClock, formatDeskTime } from '@/lib/desk-time';
import type { FieldErrors } from '@/lib/app-error';
import type { SaveArticleInput } from '@/lib/validation/article';
import { StatusBadge } from '@/components/desk/status-badge';
import { FormField } from './form-field';

type Draft = Omit<SaveArticleInput, 'version' | 'body'> & { body: string };

function draftOf(article: ArticleView): Draft {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    datelinePlace: article.datelinePlace,
    datelineSource: article.datelineSource,
    byline: article.byline,
    body: docToPlainText(article.body),
  };
}

type Props = { article: ArticleView; readOnlyReason: string | null; timeZone: string };

export function ArticleForm({ article, readOnlyReason, timeZone }: Props) {
  const [saved, setSaved] = useState(article);
  const [draft, setDraft] = useState<Draft>(() => draftOf(article));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ArticleView | null>(null);
  const readOnly = readOnlyReason !== null;

  const save = useMutation({
    mutationFn: (version: number) =>
      apiFetch<ArticleView>(`/api/articles/${article.id}`, {
        method: 'PUT',
        body: { ...draft, body: plainTextToDoc(draft.body), version } satisfies SaveArticleInput,
      }),
    onSuccess: (view) => {
      setSaved(view);
      setConflict(null);
      setSavedAt(view.lastEditedAt);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'CONFLICT') setConflict(error.current as ArticleView);
    },
  });

  const failure = save.error instanceof ApiError ? save.error : null;
  const fieldErrors: FieldErrors = failure?.fields ?? {};

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!readOnly && !save.isPending) save.mutate(saved.version);
  }

  function saveOnShortcut(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      submit();
    }
  }

  function field(name: keyof Draft) {
    return {
      name,
      value: draft[name],
      errors: fieldErrors[name],
      readOnly,
      onChange: (value: string) => setDraft((current) => ({ ...current, [name]: value })),
    };
  }

  return (
    <div className="editor">
      <form className="card" onSubmit={submit} onKeyDown={saveOnShortcut} noValidate aria-labelledby="editor-title">
        <h1 id="editor-title" className="visually-hidden">
          Edit article
        </h1>
        {readOnly && <p className="notice notice--info">{readOnlyReason}</p>}
        {conflict && (
          <div className="notice notice--warn" role="alert" aria-label="Save conflict">
            <p>
              <strong>{conflict.lastEditedByName ?? 'Someone'} saved this article first</strong>, at{' '}
              {formatClock(conflict.lastEditedAt, timeZone)}. Your text has not been saved and is still in the form.
            </p>
            <div className="notice__actions">
              <button type="button" className="button" onClick={() => save.mutate(conflict.version)}>
                Save mine as the newer version
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setSaved(conflict);
                  setDraft(draftOf(conflict));
                  setConflict(null);
                  save.reset();
                }}
              >
                Discard mine and load theirs
              </button>
            </div>
          </div>
        )}
        {failure && failure.code !== 'CONFLICT' && (
          <div className="notice notice--error" role="alert" aria-label="Save problem">
            <p>{failure.message}</p>
            {failure.code === 'UNAUTHENTICATED' && (
              <p>
                Your text is still here.{' '}
                <a href={`/login?next=/desk/articles/${article.id}`} target="_blank" rel="noopener">
                  Sign in again in a new tab
                </a>
                , then save.
              </p>
            )}
          </div>
        )}

        <FormField label="Headline" {...field('headline')} />
        <FormField label="Standfirst" multiline rows={2} {...field('standfirst')} />
        <div className="field-row">
          <FormField label="Dateline place" hint="e.g. MOSCOW" {...field('datelinePlace')} />
          <FormField label="Dateline source" hint="e.g. Dateline" {...field('datelineSource')} />
          <FormField label="Byline" {...field('byline')} />
        </div>
        <FormField label="Body" multiline rows={16} {...field('body')} />

        {!readOnly && (
          <div className="editor__actions">
            <button type="submit" className="button" disabled={save.isPending}>
              Save
            </button>
            <span className="save-status" role="status">
              {save.isPending ? 'Saving…' : savedAt ? `Saved ${formatClock(savedAt, timeZone)}` : ''}
            </span>
          </div>
        )}
      </form>

      <aside className="editor__side card" aria-label="Article details">
        <dl>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={saved.status} />
          </dd>
          <dt>Author</dt>
          <dd>{saved.authorName}</dd>
          <dt>Revision</dt>
          <dd>{saved.revisionNumber}</dd>
          <dt>Last edited</dt>
          <dd>
            <time dateTime={saved.lastEditedAt}>{formatDeskTime(saved.lastEditedAt, timeZone)}</time>
            {saved.lastEditedByName && ` by ${saved.lastEditedByName}`}
          </dd>
        </dl>
      </aside>
    </div>
  );
}
