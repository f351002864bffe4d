import { listFeedRoute } from '@/server/public/list-route';

export const dynamic = 'force-dynamic';

/** Atom: the tag's newest live stories. */
export const GET = listFeedRoute('tag', 'atom');
