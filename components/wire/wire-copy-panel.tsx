'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { WordDiff } from '@/components/revisions/word-diff';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { ArticleView } from '@/lib/article-view';
import type { ArticleWireState } from '@/lib/wire/wire-view';
import { wordDiff } from '@/lib/word-diff';
import { WireFlags } from './wire-status';

/**
 * Above the editor of a story made from wire copy: whose copy it is and on what terms, a loud flag
 * when the agency canceled or withheld it, its embargo, and a newer version's changes with the offer
 * to take them (co-editors see the taken text arrive in the shared document).
 */
export function WireCopyPanel({ articleId, wire, timeZone }: { articleId: number; wire: ArticleWireState; timeZone: string }) {
  const router = useRouter();
  const take = useMutation({
    mutationFn: (wireVersion: number) => apiFetch<ArticleView>(`/api/articles/${articleId}/wire`, { method: 'POST', body: { wireVersion } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <section className="card wire-copy" aria-labelledby="wire-copy-title">
      <h2 id="wire-copy-title">Wire copy</h2>
      <p>
        Made from <Link href={`/desk/wire/${wire.wireItemId}`}>{wire.provider || 'an agency'}’s item</Link>, version {wire.takenVersion}.
      </p>
      <WireFlags pubStatus={wire.pubStatus} embargoedUntil={wire.embargoedUntil} timeZone={timeZone} />
      {wire.pubStatus !== 'usable' && (
        <p className="notice notice--error" role="alert">
          The agency has {wire.pubStatus === 'canceled' ? 'canceled' : 'withheld'} the item this story is made from. It must not be published
          {wire.pubStatus === 'canceled' ? '; if it is live, withdraw it.' : ' until the agency releases it.'}
        </p>
      )}
      <dl className="wire-meta">
        <dt>Copyright</dt>
        <dd>{wire.copyrightNotice || '—'}</dd>
        <dt>Usage terms</dt>
        <dd>{wire.usageTerms || '—'}</dd>
      </dl>
      {wire.newer && (
        <div className="notice notice--warn">
          <p>
            <strong>
              Version {wire.newer.version} of the wire copy has arrived{wire.newer.signals.length > 0 ? ` (${wire.newer.signals.join(', ')})` : ''}.
            </strong>{' '}
            What changed since version {wire.takenVersion}:
          </p>
          <WordDiff parts={wordDiff(wire.newer.before, wire.newer.after)} side="unified" />
          {take.error && (
            <p className="notice notice--error" role="alert">
              {take.error instanceof ApiError ? take.error.message : 'The new version was not taken; try again.'}
            </p>
          )}
          <div className="notice__actions">
            <button type="button" className="button" disabled={take.isPending} onClick={() => take.mutate(wire.newer!.version)}>
              {take.isPending ? 'Taking…' : `Take version ${wire.newer.version}`}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
