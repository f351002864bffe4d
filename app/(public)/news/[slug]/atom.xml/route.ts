import { liveFeedRoute } from '@/server/public/live-feed-route';

export const dynamic = 'force-dynamic';

/** Atom: a live story's entries, newest first. */
export const GET = liveFeedRoute('atom');
