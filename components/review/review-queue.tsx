'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { NoteDialog } from '@/components/ui/note-dialog';
import { ApiError, apiFetch } from '@/lib/api-client';
import { formatDeskTime } from '@/lib/desk-time';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import { reviewKeys } from '@/lib/query-keys';
import { formatWaiting, type ReviewQueueItem } from '@/lib/review-queue';

type Props = { initial: ReviewQueueItem[]; viewerId: number; timeZone: string };

const REFRESH_MS = 30_000;

/**
 * The copy desk's queue, oldest submission first: who wrote each story, how long it is and how
 * long it has waited, and who on the desk has it. Claim, approve or return from here; the list
 * follows what others do every half minute.
 */
export function ReviewQueue({ initial, viewerId, timeZone }: Props) {
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: reviewKeys.queue,
    queryFn: () => apiFetch<ReviewQueueItem[]>('/api/review-queue', { method: 'GET' }),
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const [returning, setReturning] = useState<ReviewQueueItem | null>(null);
  const [outcome, setOutcome] = useState<{ id: number; text: string; failed: boolean } | null>(null);

  const claim = useMutation({
    mutationFn: ({ item, take }: { item: ReviewQueueItem; take: boolean }) =>
      apiFetch<ReviewQueueItem[]>(`/api/articles/${item.id}/claim`, { method: 'POST', body: { claim: take, expectedClaimantId: item.claim?.byId ?? null } }),
    onSuccess: (items) => queryClient.setQueryData(reviewKeys.queue, items),
    onError: (error, { item }) => refused(item, error),
  });
  const step = useMutation({
    mutationFn: ({ item, action, note }: { item: ReviewQueueItem; action: 'approve' | 'return'; note?: string }) =>
      apiFetch(`/api/articles/${item.id}/workflow`, { method: 'POST', body: { action, version: item.version, ...(note ? { note } : {}) } }),
    onSuccess: (_, { item, action }) => {
      setReturning(null);
      setOutcome({ id: item.id, text: `“${item.headline || UNTITLED_HEADLINE}” ${action === 'approve' ? 'approved' : 'returned to its writer'}.`, failed: false });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.queue });
    },
    onError: (error, { item, action }) => {
      if (action === 'approve') refused(item, error);
    },
  });

  function refused(item: ReviewQueueItem, error: Error) {
    setOutcome({ id: item.id, text: error instanceof ApiError ? error.message : 'That did not work; try again.', failed: true });
    void queryClient.invalidateQueries({ queryKey: reviewKeys.queue });
  }

  const items = queue.data;
  return (
    <>
      <p className="queue__outcome" aria-live="polite">
        {outcome && !outcome.failed && outcome.text}
      </p>
      {outcome?.failed && (
        <p className="notice notice--error" role="alert">
          {outcome.text}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty">Nothing is waiting for review.</p>
      ) : (
        <table className="table queue">
          <caption className="visually-hidden">Stories in review, oldest submission first</caption>
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Writer</th>
              <th scope="col">Section</th>
              <th scope="col">Words</th>
              <th scope="col">Waiting</th>
              <th scope="col">Handled by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const title = item.headline || UNTITLED_HEADLINE;
              const mine = item.claim?.byId === viewerId;
              const busy = (claim.isPending && claim.variables.item.id === item.id) || (step.isPending && step.variables.item.id === item.id);
              return (
                <tr key={item.id}>
                  <td>
                    <Link href={`/desk/articles/${item.id}`}>{title}</Link>
                  </td>
                  <td>{item.writerName}</td>
                  <td>{item.section || '—'}</td>
                  <td>{item.words.toLocaleString('en-GB')}</td>
                  <td>
                    <time dateTime={item.submittedAt} title={formatDeskTime(item.submittedAt, timeZone)}>
                      {formatWaiting(item.submittedAt)}
                    </time>
                  </td>
                  <td>{item.claim ? `${mine ? 'You' : item.claim.byName} since ${formatDeskTime(item.claim.at, timeZone)}` : 'Nobody yet'}</td>
                  <td className="queue__actions">
                    {mine ? (
                      <button type="button" className="button button--quiet" disabled={busy} onClick={() => claim.mutate({ item, take: false })} aria-label={`Let go of “${title}”`}>
                        Let go
                      </button>
                    ) : (
                      <button type="button" className="button button--quiet" disabled={busy} onClick={() => claim.mutate({ item, take: true })} aria-label={`${item.claim ? 'Take over' : 'Claim'} “${title}”`}>
                        {item.claim ? 'Take over' : 'Claim'}
                      </button>
                    )}
                    <button type="button" className="button" disabled={busy} onClick={() => step.mutate({ item, action: 'approve' })} aria-label={`Approve “${title}”`}>
                      Approve
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={busy}
                      onClick={() => {
                        step.reset();
                        setReturning(item);
                      }}
                      aria-label={`Return to writer: “${title}”`}
                    >
                      Return to writer
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {returning && (
        <NoteDialog
          title="Return to writer"
          description={`“${returning.headline || UNTITLED_HEADLINE}” goes back to ${returning.writerName}, who sees your note at the top of it.`}
          confirmLabel="Return to writer"
          field={{ label: 'Note to the writer', name: 'return-note' }}
          pending={step.isPending}
          error={step.error}
          onClose={() => setReturning(null)}
          onConfirm={(note) => step.mutate({ item: returning, action: 'return', note })}
        />
      )}
    </>
  );
}
