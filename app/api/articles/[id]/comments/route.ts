import { NextResponse } from 'next/server';
import { AddCommentInput } from '@/lib/validation/comment';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { addComment } from '@/server/comments/add-comment';
import { listComments } from '@/server/comments/list-comments';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** The article's comment threads, open ones first. */
export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(listComments(user, parseId((await params).id, 'article')));
});

/** Adds `{ body, parentId?, anchor? }`; answers with every thread, the new comment among them. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(AddCommentInput, await readJson(request));
  return NextResponse.json(addComment(user, id, input), { status: 201 });
});
