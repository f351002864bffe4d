import { listFeedRoute } from '@/server/public/list-route';

export const dynamic = 'force-dynamic';

/** RSS 2.0: the section's newest live stories. */
export const GET = listFeedRoute('section', 'rss');
