import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { SaveSharedInput } from '@/lib/validation/article';
import { parseInput } from '@/lib/validation/parse-input';
import { saveSharedDocument } from '@/server/co-editing/save-shared-document';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** Folds the article's shared document into its working copy now (and files it), for a co-editor's Save or a step about to act on it. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  return NextResponse.json(saveSharedDocument(user, id, parseInput(SaveSharedInput, await readJson(request))));
});
