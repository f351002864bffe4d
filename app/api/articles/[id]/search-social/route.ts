import { NextResponse } from 'next/server';
import { SaveSearchSocialInput } from '@/lib/search-social/search-social';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { apiRoute, readJson } from '@/server/http/api-route';
import { getSearchSocial } from '@/server/search-social/queries';
import { saveSearchSocial } from '@/server/search-social/save-search-social';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** The story's SEO title, meta description, social headline and social photo. */
export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(getSearchSocial(user, parseId((await params).id, 'article')));
});

/** Saves all four at once; answers them as stored. */
export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(SaveSearchSocialInput, await readJson(request));
  return NextResponse.json(saveSearchSocial(user, id, input));
});
