import { NextResponse } from 'next/server';
import { DeskListQuery } from '@/lib/validation/article';
import { parseInput } from '@/lib/validation/parse-input';
import { createArticle } from '@/server/articles/create-article';
import { listDeskArticles } from '@/server/articles/queries';
import { apiRoute } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const query = parseInput(DeskListQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(listDeskArticles(user, query));
});

export const POST = apiRoute(async () => {
  const user = await requireUser();
  return NextResponse.json(createArticle(user), { status: 201 });
});
