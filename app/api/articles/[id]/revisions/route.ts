import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { HistoryQuery } from '@/lib/validation/revisions';
import { apiRoute } from '@/server/http/api-route';
import { listHistory } from '@/server/revisions/list-revisions';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** One page of the article's history, newest first: `?before=N` continues below revision N. */
export const GET = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const { before } = parseInput(HistoryQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(listHistory(user, id, before));
});
