'use client';

import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { WordDiff } from '@/components/revisions/word-diff';
import { ApiError, apiFetch } from '@/lib/api-client';
import { formatDeskTime } from '@/lib/desk-time';
import type { LiveEntryRevision } from '@/lib/live-coverage/live-entry';
import { liveKeys } from '@/lib/query-keys';
import { wordDiff } from '@/lib/word-diff';

type Props = { articleId: number; entryId: number; timeZone: string };

/**
 * Every version of an entry's text, the newest first: who made it and when, and what it changed
 * from the version before, word by word (the first, as posted, in full).
 */
export function EntryHistory({ articleId, entryId, timeZone }: Props) {
  const history = useQuery({
    queryKey: liveKeys.entryRevisions(articleId, entryId),
    queryFn: () => apiFetch<LiveEntryRevision[]>(`/api/articles/${articleId}/live/entries/${entryId}/revisions`, { method: 'GET' }),
  });

  if (history.isPending) return <p aria-busy="true">Loading the versions…</p>;
  if (history.error) {
    return (
      <p className="notice notice--error" role="alert">
        {history.error instanceof ApiError ? history.error.message : 'The versions could not be loaded.'}
      </p>
    );
  }
  const versions = history.data;
  return (
    <ol className="entry-history" aria-label="Versions of this entry, newest first" reversed>
      {versions
        .map((version, index) => ({ version, before: index > 0 ? versions[index - 1]! : null }))
        .reverse()
        .map(({ version, before }) => (
          <li key={version.number} className="entry-history__version">
            <p className="history__what">
              <strong>Version {version.number}</strong> · {before ? 'edited' : 'posted'} by {version.editedByName},{' '}
              <time dateTime={version.createdAt}>{formatDeskTime(version.createdAt, timeZone)}</time>
            </p>
            {before === null ? (
              <>
                {version.headline && <p className="entry-history__headline">{version.headline}</p>}
                <p className="entry-history__text">{version.bodyText}</p>
              </>
            ) : (
              <VersionChanges before={before} after={version} />
            )}
          </li>
        ))}
    </ol>
  );
}

/** What one version changed from the one before: its headline and its text, each as a word diff. */
function VersionChanges({ before, after }: { before: LiveEntryRevision; after: LiveEntryRevision }) {
  const changed = (['headline', 'bodyText'] as const).filter((field) => before[field] !== after[field]);
  return (
    <dl className="entry-history__changes">
      {changed.map((field) => (
        <Fragment key={field}>
          <dt>{field === 'headline' ? 'Headline' : 'Text'}</dt>
          <dd>
            <WordDiff parts={wordDiff(before[field], after[field])} side="unified" />
          </dd>
        </Fragment>
      ))}
      {changed.length === 0 && (
        <>
          <dt>Text</dt>
          <dd>No change to the words (the credit or a photo changed).</dd>
        </>
      )}
    </dl>
  );
}
