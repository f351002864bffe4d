import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PublicStory } from '@/components/public/public-story';
import { parseId } from '@/lib/validation/parse-id';
import { env } from '@/server/env';
import { openPreview } from '@/server/preview-links/open-preview';
import { PreviewRefusal } from '@/server/preview-links/preview-token';
import { forPage } from '@/server/session';

type Props = { params: Promise<{ id: string; token: string }> };

export const metadata: Metadata = {
  title: 'Preview — not published',
  robots: { index: false, follow: false },
  // The address is the credential: it is not sent on to anywhere its reader goes next.
  referrer: 'no-referrer',
};

/**
 * A story before it runs, for someone without an account who was sent its preview link
 * (docs/decisions/027): as the public page will show it, marked as a preview. Rendered for each
 * opening, which the article's audit records; the proxy has already answered a link that may not
 * be opened with the page that says why.
 */
export default async function PreviewPage({ params }: Props) {
  await connection();
  const { id, token } = await params;
  const preview = opened(id, token);
  return (
    <main id="content" className="public-main">
      <p className="notice notice--warn" role="note" aria-label="Preview">
        <strong>Preview — not published.</strong>{' '}
        {preview.followsLatest ? 'This link shows the latest working copy of the story.' : `This link shows version ${preview.revisionNumber} of the story.`} Do not share it.
      </p>
      <PublicStory article={preview.article} timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}

// Revoked or expired between the proxy's check and this render: refused all the same.
function opened(id: string, token: string) {
  try {
    return openPreview(forPage(() => parseId(id, 'article')), token);
  } catch (error) {
    if (error instanceof PreviewRefusal) notFound();
    throw error;
  }
}
