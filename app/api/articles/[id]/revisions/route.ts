import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { apiRoute } from '@/server/http/api-route';
import { listRevisions } from '@/server/revisions/list-revisions';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(listRevisions(user, parseId((await params).id, 'article')));
});
