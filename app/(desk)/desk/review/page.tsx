import type { Metadata } from 'next';
import { ReviewQueue } from '@/components/review/review-queue';
import { env } from '@/server/env';
import { listReviewQueue } from '@/server/review/review-queue';
import { forPage, requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewQueuePage() {
  const user = await requireSignedIn('/desk/review');
  const items = forPage(() => listReviewQueue(user));
  return (
    <main id="content">
      <div className="page-head">
        <h1>Review queue</h1>
      </div>
      <ReviewQueue initial={items} viewerId={user.id} timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}
