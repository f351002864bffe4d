import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { apiRoute } from '@/server/http/api-route';
import { listEntryRevisions } from '@/server/live-coverage/queries';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string; entryId: string }> };

/** An entry's versions, oldest first. */
export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  const { id, entryId } = await params;
  return NextResponse.json(listEntryRevisions(user, parseId(id, 'article'), parseId(entryId, 'entry')));
});
