import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { CompareQuery } from '@/lib/validation/revisions';
import { apiRoute } from '@/server/http/api-route';
import { compareArticleRevisions } from '@/server/revisions/compare-revisions';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** `?from=N&to=M` (numbers, `live` or `working`; both optional): what changed between two revisions. */
export const GET = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const query = parseInput(CompareQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(compareArticleRevisions(user, id, query));
});
