import { listFeedRoute } from '@/server/public/list-route';

export const dynamic = 'force-dynamic';

/** Atom: the author's newest live stories. */
export const GET = listFeedRoute('author', 'atom');
