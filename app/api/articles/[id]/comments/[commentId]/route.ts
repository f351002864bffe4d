import { NextResponse } from 'next/server';
import { SetCommentResolvedInput } from '@/lib/validation/comment';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { setCommentResolved } from '@/server/comments/set-comment-resolved';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string; commentId: string }> };

/** Resolves or reopens the comment's thread with `{ resolved }`; answers with every thread. */
export const PATCH = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const { id, commentId } = await params;
  const input = parseInput(SetCommentResolvedInput, await readJson(request));
  return NextResponse.json(setCommentResolved(user, parseId(id, 'article'), parseId(commentId, 'comment'), input));
});
