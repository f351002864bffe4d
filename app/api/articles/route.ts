import { NextResponse } from 'next/server';
import { ArticleSearchQuery } from '@/lib/validation/article-search';
import { parseInput } from '@/lib/validation/parse-input';
import { createArticle } from '@/server/articles/create-article';
import { apiRoute } from '@/server/http/api-route';
import { searchArticles } from '@/server/search/search-articles';
import { requireUser } from '@/server/session';

export const GET = apiRoute(async (request) => {
  const user = await requireUser();
  const query = parseInput(ArticleSearchQuery, Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(searchArticles(user, query));
});

export const POST = apiRoute(async () => {
  const user = await requireUser();
  return NextResponse.json(createArticle(user), { status: 201 });
});
