'use client';

import { useMutation } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import { ArticleBodyView } from '@/components/article/article-body-view';
import { StepDialog } from '@/components/ui/step-dialog';
import { StepErrorContent } from '@/components/ui/step-error';
import { ApiError, apiFetch } from '@/lib/api-client';
import { composedByline, type FilingName } from '@/lib/filing';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';
import { formatWireClock } from '@/lib/wire-timestamp';
import { EntryEditForm } from './entry-edit-form';

// Opened now and then, with a word diff (jsdiff) each: its code loads the first time.
const EntryHistory = dynamic(() => import('./entry-history').then((module) => module.EntryHistory), { ssr: false });

type Viewer = Pick<SessionUser, 'id' | 'role'>;

type Props = {
  articleId: number;
  /** In reading order: pinned first, then the newest first. */
  entries: DeskLiveEntry[];
  viewer: Viewer;
  timeZone: string;
  authorChoices: FilingName[];
  /** An entry as the server now has it, after a change here or a refusal that sent it. */
  onChanged: (entry: DeskLiveEntry) => void;
};

/** The posted entries as the desk sees them, removed ones too, each with what this person may do to it. */
export function EntryList({ entries, ...shared }: Props) {
  if (entries.length === 0) return <p className="empty">No entries yet.</p>;
  return (
    <ol className="live-entries">
      {entries.map((entry) => (
        <li key={entry.id}>
          <EntryItem entry={entry} {...shared} />
        </li>
      ))}
    </ol>
  );
}

type Panel = 'edit' | 'history' | 'remove' | null;

function EntryItem({ articleId, entry, viewer, timeZone, authorChoices, onChanged }: Omit<Props, 'entries'> & { entry: DeskLiveEntry }) {
  const id = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const entryPath = `/api/articles/${articleId}/live/entries/${entry.id}`;
  const removed = entry.removedAt !== null;
  const mayEdit = !removed && can(viewer, 'live:entry:edit', { authorId: entry.postedById });
  const mayPin = !removed && can(viewer, 'live:entry:pin');

  const settle = (error: Error) => {
    if (error instanceof ApiError && error.code === 'CONFLICT' && error.current) onChanged(error.current as DeskLiveEntry);
  };
  const pin = useMutation({
    mutationFn: () => apiFetch<DeskLiveEntry>(`${entryPath}/pin`, { method: 'PUT', body: { pinned: !entry.pinned, version: entry.version } }),
    onSuccess: onChanged,
    onError: settle,
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<DeskLiveEntry>(entryPath, { method: 'DELETE', body: { version: entry.version } }),
    onSuccess: (changed) => {
      setPanel(null);
      onChanged(changed);
    },
    onError: settle,
  });

  function open(next: Panel) {
    pin.reset();
    remove.reset();
    setPanel(panel === next ? null : next);
  }

  const posted = formatWireClock(entry.postedAt, timeZone);
  return (
    <article className={`live-entry${removed ? ' live-entry--removed' : ''}${entry.pinned ? ' live-entry--pinned' : ''}`} aria-labelledby={`${id}-time`}>
      <p className="live-entry__meta">
        <time id={`${id}-time`} dateTime={entry.postedAt} className="live-entry__time">
          {posted}
        </time>
        {entry.pinned && <span className="badge badge--pinned">Pinned</span>}
        {entry.updatedAt && (
          <span>
            Updated <time dateTime={entry.updatedAt}>{formatWireClock(entry.updatedAt, timeZone)}</time>
          </span>
        )}
        <span>{entry.authors.length > 0 ? composedByline(entry.authors) : 'No author credited'}</span>
        <span className="muted">posted by {entry.postedByName}</span>
      </p>
      {removed && (
        <p className="live-entry__removed">
          <strong>Removed</strong> by {entry.removedByName ?? 'someone'} at{' '}
          <time dateTime={entry.removedAt ?? undefined}>{formatWireClock(entry.removedAt ?? entry.postedAt, timeZone)}</time>: readers no longer
          see it.
        </p>
      )}
      {panel === 'edit' ? (
        <EntryEditForm
          articleId={articleId}
          entry={entry}
          authorChoices={authorChoices}
          timeZone={timeZone}
          onSaved={(saved) => {
            setPanel(null);
            onChanged(saved);
          }}
          onRefused={onChanged}
          onCancel={() => setPanel(null)}
        />
      ) : (
        <div className="live-entry__text">
          {entry.headline && <h3 className="live-entry__headline">{entry.headline}</h3>}
          <ArticleBodyView body={entry.body} photos={entry.photos} />
        </div>
      )}
      {!removed && (
        <div className="live-entry__actions" role="group" aria-label={`Entry at ${posted}`}>
          {mayEdit && panel !== 'edit' && (
            <button type="button" className="button button--quiet" onClick={() => open('edit')}>
              Edit
            </button>
          )}
          {mayPin && (
            <button type="button" className="button button--quiet" disabled={pin.isPending} onClick={() => pin.mutate()}>
              {entry.pinned ? 'Unpin' : 'Pin'}
            </button>
          )}
          <button type="button" className="button button--quiet" aria-expanded={panel === 'history'} onClick={() => open('history')}>
            History
          </button>
          {mayEdit && (
            <button type="button" className="button button--quiet" onClick={() => open('remove')}>
              Remove
            </button>
          )}
        </div>
      )}
      {pin.error && (
        <div className="notice notice--error" role="alert">
          <StepErrorContent error={pin.error} />
        </div>
      )}
      {panel === 'history' && <EntryHistory articleId={articleId} entryId={entry.id} timeZone={timeZone} />}
      {panel === 'remove' && (
        <StepDialog
          title="Remove this entry"
          description={`The entry posted at ${posted} leaves the public page, its feeds and its readers’ screens at once. The desk keeps it, marked Removed, with its versions.`}
          confirmLabel="Remove entry"
          danger
          pending={remove.isPending}
          error={remove.error ? <StepErrorContent error={remove.error} /> : undefined}
          onClose={() => setPanel(null)}
          onConfirm={() => remove.mutate()}
        />
      )}
    </article>
  );
}
