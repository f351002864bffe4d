import { changesFeedRoute } from '@/server/story-changes/changes-feed-route';

export const dynamic = 'force-dynamic';

/** JSON: the story's public versions, newest first, each with its word diff. */
export const GET = changesFeedRoute('json');
