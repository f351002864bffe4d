'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { memo } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import { formatDeskTime } from '@/lib/desk-time';
import { revisionKeys } from '@/lib/query-keys';
import type { HistoryEntry, HistoryPage } from '@/lib/revision-history';

const namesList = new Intl.ListFormat('en-GB', { type: 'conjunction' });

type Props = { articleId: number; timeZone: string; live: boolean };

/**
 * The article's history, newest first, a page at a time: every revision with what it was, who
 * made it, when, and the desk's note; one person's run of autosaves is one line. Each line leads
 * to a comparison.
 *
 * Memoised: the editor around it re-renders for its own changes (a save status, a word count).
 */
export const HistoryPanel = memo(function HistoryPanel({ articleId, timeZone, live }: Props) {
  const history = useInfiniteQuery({
    queryKey: revisionKeys.history(articleId),
    queryFn: ({ pageParam }) =>
      apiFetch<HistoryPage>(`/api/articles/${articleId}/revisions${pageParam === null ? '' : `?before=${pageParam}`}`, { method: 'GET' }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];
  const compare = (query: string) => `/desk/articles/${articleId}/compare?${query}`;

  return (
    <section className="card history" aria-labelledby="history-title">
      <div className="history__head">
        <h2 id="history-title">History</h2>
        <nav className="history__links" aria-label="Compare, audit and legal removals">
          {live && <Link href={compare('from=live&to=working')}>Compare live with working copy</Link>}
          <Link href={compare('')}>Compare latest changes</Link>
          <Link href={`/desk/articles/${articleId}/audit`}>Audit trail</Link>
          {live && <Link href={`/desk/articles/${articleId}/legal-removals`}>Legal removals</Link>}
        </nav>
      </div>
      {history.isPending && <p aria-busy="true">Loading the history…</p>}
      {history.error && (
        <p className="notice notice--error" role="alert">
          {history.error instanceof ApiError ? history.error.message : 'The history could not be loaded.'}
        </p>
      )}
      <ol className="history__list">
        {entries.map((entry) => (
          <li key={entry.number} className="history__entry">
            <div className="history__what">
              <strong>{revisionName(entry)}</strong> · {entry.label}
              {entry.count > 1 && ` (${entry.count} autosaves)`}
              {entry.live && <span className="badge badge--live">Live</span>}
              {entry.working && <span className="badge">Working copy</span>}
            </div>
            <div className="history__who">
              {entry.authorName}
              {entry.coAuthorNames.length > 0 && ` with ${namesList.format(entry.coAuthorNames)}`}, <time dateTime={entry.createdAt}>{formatDeskTime(entry.createdAt, timeZone)}</time>
            </div>
            {entry.changeNote && entry.label !== entry.changeNote && <p className="history__note">{entry.changeNote}</p>}
            {entry.publicNote && <p className="history__note">Correction: {entry.publicNote}</p>}
            <div className="history__actions">
              {entry.firstNumber > 1 && (
                <Link href={compare(`from=${entry.firstNumber - 1}&to=${entry.number}`)} aria-label={`Changes in ${revisionName(entry)}`}>
                  Changes
                </Link>
              )}
              {!entry.working && (
                <Link href={compare(`from=${entry.number}&to=working`)} aria-label={`Compare with working copy: ${revisionName(entry)}`}>
                  Compare with working copy
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
      {history.hasNextPage && (
        <button type="button" className="button button--quiet" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {history.isFetchingNextPage ? 'Loading…' : 'Show older revisions'}
        </button>
      )}
    </section>
  );
});

function revisionName(entry: HistoryEntry): string {
  return entry.count > 1 ? `Revisions ${entry.firstNumber}–${entry.number}` : `Revision ${entry.number}`;
}
