import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { RestoreRevisionInput } from '@/lib/validation/revisions';
import { apiRoute, readJson } from '@/server/http/api-route';
import { restoreRevision } from '@/server/revisions/restore-revision';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string; number: string }> };

/** Restores revision `number` (all of it, or `fields`) as a new revision; answers with the article as it now is. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const { id, number } = await params;
  const input = parseInput(RestoreRevisionInput, await readJson(request));
  return NextResponse.json(restoreRevision(user, parseId(id, 'article'), parseId(number, 'revision'), input));
});
