import { liveFeedRoute } from '@/server/public/live-feed-route';

export const dynamic = 'force-dynamic';

/** RSS 2.0: a live story's entries, newest first. */
export const GET = liveFeedRoute('rss');
