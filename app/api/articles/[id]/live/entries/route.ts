import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { PostEntryInput } from '@/lib/validation/live-coverage';
import { apiRoute, readJson } from '@/server/http/api-route';
import { postEntry } from '@/server/live-coverage/post-entry';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(PostEntryInput, await readJson(request));
  return NextResponse.json(postEntry(user, id, input), { status: 201 });
});
