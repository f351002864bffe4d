import { NextResponse } from 'next/server';
import { TagSearchQuery } from '@/lib/validation/filing';
import { parseInput } from '@/lib/validation/parse-input';
import { suggestTags } from '@/server/filing/queries';
import { apiRoute } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

/** The Tags field's suggestions: existing tags starting with `q`. */
export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const { q } = parseInput(TagSearchQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(suggestTags(user, q));
});
