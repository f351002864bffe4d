import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { apiRoute } from '@/server/http/api-route';
import { endLiveCoverage } from '@/server/live-coverage/end-live-coverage';
import { getLiveDesk } from '@/server/live-coverage/queries';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  endLiveCoverage(user, id);
  return NextResponse.json(getLiveDesk(user, id));
});
