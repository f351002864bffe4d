import { NextResponse } from 'next/server';
import { ArticleFieldsInput } from '@/lib/validation/article';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { recordConflictCopy } from '@/server/articles/record-conflict-copy';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(ArticleFieldsInput, await readJson(request));
  return NextResponse.json(recordConflictCopy(user, id, input), { status: 201 });
});
