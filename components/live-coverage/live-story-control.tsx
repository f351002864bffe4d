'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { memo, useState } from 'react';
import { StepErrorContent } from '@/components/ui/step-error';
import { apiFetch } from '@/lib/api-client';
import type { ArticleView } from '@/lib/article-view';
import type { LiveDesk } from '@/lib/live-coverage/live-entry';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';

type Props = { article: Pick<ArticleView, 'id' | 'format' | 'authorId' | 'live'>; viewer: Pick<SessionUser, 'id' | 'role'> };

/**
 * The article screen's way to its live desk, or, for an ordinary story, to make it a live story:
 * offered to its owner and the desk, as the permission table says.
 */
export const LiveStoryControl = memo(function LiveStoryControl({ article, viewer }: Props) {
  const [made, setMade] = useState(false);
  const make = useMutation({
    mutationFn: () => apiFetch<LiveDesk>(`/api/articles/${article.id}/live`, { method: 'POST' }),
    onSuccess: () => setMade(true),
  });
  const isLive = article.format === 'live' || made;
  if (!isLive && !can(viewer, 'live:manage', article)) return null;

  return (
    <section className="live-story" aria-labelledby="live-story-title">
      <h2 id="live-story-title">Live coverage</h2>
      {isLive ? (
        <>
          {made && <p aria-live="polite">This is now a live story.</p>}
          <p>
            <Link href={`/desk/articles/${article.id}/live`}>Live desk</Link>: post entries, keep the key points, end the coverage.
          </p>
        </>
      ) : (
        <>
          <p>
            A live story adds timestamped entries and key points to this story, sent to readers as they are posted.
            {article.live && ' Its public page becomes a live page at once.'}
          </p>
          <button type="button" className="button button--quiet" disabled={make.isPending} onClick={() => make.mutate()}>
            Make live story
          </button>
          {make.error && (
            <div className="notice notice--error" role="alert">
              <StepErrorContent error={make.error} />
            </div>
          )}
        </>
      )}
    </section>
  );
});
