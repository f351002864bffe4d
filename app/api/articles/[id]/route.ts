import { NextResponse } from 'next/server';
import { SaveArticleInput } from '@/lib/validation/article';
import { parseInput } from '@/lib/validation/parse-input';
import { getArticle } from '@/server/articles/queries';
import { saveArticle } from '@/server/articles/save-article';
import { parseId } from '@/lib/validation/parse-id';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(getArticle(user, parseId((await params).id, 'article')));
});

export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(SaveArticleInput, await readJson(request));
  return NextResponse.json(saveArticle(user, id, input));
});
