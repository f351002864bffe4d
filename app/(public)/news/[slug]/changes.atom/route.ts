import { changesFeedRoute } from '@/server/story-changes/changes-feed-route';

export const dynamic = 'force-dynamic';

/** Atom: the story's public versions, newest first, each with what it changed. */
export const GET = changesFeedRoute('atom');
