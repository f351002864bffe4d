import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { apiRoute } from '@/server/http/api-route';
import { getLiveDesk } from '@/server/live-coverage/queries';
import { makeLiveStory } from '@/server/live-coverage/start-live-story';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** The live desk: coverage, every entry, the viewer's unposted entry. */
export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(getLiveDesk(user, parseId((await params).id, 'article')));
});

/** Makes the article a live story. */
export const POST = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  makeLiveStory(user, id);
  return NextResponse.json(getLiveDesk(user, id));
});
