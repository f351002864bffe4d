import { listFeedRoute } from '@/server/public/list-route';

export const dynamic = 'force-dynamic';

/** RSS 2.0: the author's newest live stories. */
export const GET = listFeedRoute('author', 'rss');
