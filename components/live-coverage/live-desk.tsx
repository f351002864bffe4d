'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { StepDialog } from '@/components/ui/step-dialog';
import { StepErrorContent } from '@/components/ui/step-error';
import { apiFetch } from '@/lib/api-client';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import { type DeskLiveEntry, inReadingOrder, type LiveDesk as LiveDeskData } from '@/lib/live-coverage/live-entry';
import { can } from '@/lib/permissions';
import { publicPath } from '@/lib/public/public-article';
import { liveKeys } from '@/lib/query-keys';
import type { SessionUser } from '@/lib/session-user';
import { formatWireClock } from '@/lib/wire-timestamp';
import { EntryComposer } from './entry-composer';
import { EntryList } from './entry-list';
import { KeyPointsEditor } from './key-points-editor';

/** Others post to the same story: the desk reads it again this often (the public page has the stream). */
const REFRESH_MS = 15_000;

type Props = { initial: LiveDeskData; viewer: Pick<SessionUser, 'id' | 'role'>; timeZone: string };

/** Where the story stands, as the head of its live desk says it. */
export function coverageState(desk: Pick<LiveDeskData, 'public' | 'startedAt' | 'endedAt'>): 'Live' | 'Ended' | 'Not yet published' | 'Not on the site' {
  if (desk.endedAt) return 'Ended';
  if (desk.public) return 'Live';
  return desk.startedAt ? 'Not on the site' : 'Not yet published';
}

/**
 * A live story's desk: the composer at the top, the posted entries below it in the order readers
 * see them (removed ones too, marked), and beside them the key points and the end of coverage.
 * Every control shown is one the permission table gives this person; the server checks again.
 */
export function LiveDesk({ initial, viewer, timeZone }: Props) {
  const articleId = initial.articleId;
  const queryClient = useQueryClient();
  const { data: desk } = useQuery({
    queryKey: liveKeys.desk(articleId),
    queryFn: () => apiFetch<LiveDeskData>(`/api/articles/${articleId}/live`, { method: 'GET' }),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const [ending, setEnding] = useState(false);

  const showEntry = useCallback(
    (entry: DeskLiveEntry) =>
      queryClient.setQueryData<LiveDeskData>(liveKeys.desk(articleId), (old) =>
        old && { ...old, entries: inReadingOrder([...old.entries.filter((other) => other.id !== entry.id), entry]) },
      ),
    [articleId, queryClient],
  );
  const showKeyPoints = useCallback(
    (keyPoints: string[]) => queryClient.setQueryData<LiveDeskData>(liveKeys.desk(articleId), (old) => old && { ...old, keyPoints }),
    [articleId, queryClient],
  );
  const readAgain = useCallback(() => void queryClient.invalidateQueries({ queryKey: liveKeys.desk(articleId) }), [articleId, queryClient]);

  const end = useMutation({
    mutationFn: () => apiFetch<LiveDeskData>(`/api/articles/${articleId}/live/end`, { method: 'POST' }),
    onSuccess: (ended) => {
      setEnding(false);
      queryClient.setQueryData(liveKeys.desk(articleId), ended);
    },
    onError: readAgain,
  });

  const state = coverageState(desk);
  const mayManage = can(viewer, 'live:manage', { authorId: desk.authorId });
  const path = desk.public && desk.slug ? publicPath(desk.slug) : null;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{desk.headline || UNTITLED_HEADLINE}</h1>
          <p className="live-desk__state">
            <span className="visually-hidden">Coverage: </span>
            <span className={`badge ${state === 'Live' ? 'badge--live' : state === 'Ended' ? 'badge--ended' : 'badge--draft'}`}>{state}</span>
            {path && (
              <>
                {' '}
                Public page: <a href={path}>{path}</a>
              </>
            )}
          </p>
        </div>
        <Link href={`/desk/articles/${articleId}`}>Back to the article</Link>
      </div>
      {state === 'Not yet published' && !desk.endedAt && (
        <p className="notice notice--info">Entries posted now reach readers when the story is published.</p>
      )}
      <div className="editor live-desk">
        <div className="editor__main">
          {desk.endedAt ? (
            <p className="notice notice--info live-desk__ended">
              Live coverage ended at <time dateTime={desk.endedAt}>{formatWireClock(desk.endedAt, timeZone)}</time>. Entries can still be
              corrected; no more can be posted.
            </p>
          ) : (
            can(viewer, 'live:post') && (
              <EntryComposer
                articleId={articleId}
                draft={initial.draft}
                authorChoices={desk.authors}
                ownAuthorId={desk.ownAuthorId}
                timeZone={timeZone}
                onPosted={showEntry}
                onRefused={readAgain}
              />
            )
          )}
          <section className="card" aria-labelledby="entries-title">
            <h2 id="entries-title">Entries</h2>
            <EntryList
              articleId={articleId}
              entries={desk.entries}
              viewer={viewer}
              timeZone={timeZone}
              authorChoices={desk.authors}
              onChanged={showEntry}
            />
          </section>
        </div>
        <aside className="editor__side card" aria-label="Coverage">
          <section aria-labelledby="key-points-title">
            <h2 id="key-points-title">Key points</h2>
            <KeyPointsEditor articleId={articleId} keyPoints={desk.keyPoints} mayEdit={mayManage} timeZone={timeZone} onSaved={showKeyPoints} />
          </section>
          {mayManage && !desk.endedAt && (
            <section className="live-desk__end" aria-labelledby="end-title">
              <h2 id="end-title">End of coverage</h2>
              <p>When the story is over: the page stays as an archive, and readers are told coverage has ended.</p>
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  end.reset();
                  setEnding(true);
                }}
              >
                End live coverage
              </button>
            </section>
          )}
        </aside>
      </div>
      {ending && (
        <StepDialog
          title="End live coverage"
          description="No more entries can be posted, and the Live label comes off the story. Its entries can still be corrected, and its page stays online."
          confirmLabel="End live coverage"
          danger
          pending={end.isPending}
          error={end.error ? <StepErrorContent error={end.error} /> : undefined}
          onClose={() => setEnding(false)}
          onConfirm={() => end.mutate()}
        />
      )}
    </>
  );
}
