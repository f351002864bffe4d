import { listFeedRoute } from '@/server/public/list-route';

export const dynamic = 'force-dynamic';

/** Atom: the section's newest live stories. */
export const GET = listFeedRoute('section', 'atom');
