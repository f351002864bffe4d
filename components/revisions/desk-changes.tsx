'use client';

import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { RevisionComparison } from '@/lib/revision-comparison';
import { revisionKeys } from '@/lib/query-keys';
import { RevisionDiffView } from './revision-diff-view';

type Props = { articleId: number; submitted: number; returned: number };

/** What the copy desk changed while the story was with it: the text as submitted against the text as returned. */
export function DeskChanges({ articleId, submitted, returned }: Props) {
  const comparison = useQuery({
    queryKey: revisionKeys.comparison(articleId, submitted, returned),
    queryFn: () => apiFetch<RevisionComparison>(`/api/articles/${articleId}/compare?from=${submitted}&to=${returned}`, { method: 'GET' }),
    // Two revisions never change: what they differ by is fixed.
    staleTime: Infinity,
  });
  if (comparison.isPending) return <p aria-busy="true">Loading what the desk changed…</p>;
  if (comparison.error) {
    return <p>{comparison.error instanceof ApiError ? comparison.error.message : 'What the desk changed could not be loaded.'}</p>;
  }
  return (
    <details className="desk-changes" open>
      <summary>{comparison.data.diff.changed ? 'What the desk changed' : 'The desk changed nothing in the text'}</summary>
      <RevisionDiffView diff={comparison.data.diff} layout="inline" sides={[`As submitted (revision ${submitted})`, `As returned (revision ${returned})`]} level={2} />
    </details>
  );
}
