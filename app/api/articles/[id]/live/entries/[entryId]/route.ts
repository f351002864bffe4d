import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { EditEntryInput, RemoveEntryInput } from '@/lib/validation/live-coverage';
import { apiRoute, readJson } from '@/server/http/api-route';
import { editEntry } from '@/server/live-coverage/edit-entry';
import { getLiveEntry } from '@/server/live-coverage/queries';
import { removeEntry } from '@/server/live-coverage/remove-entry';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string; entryId: string }> };

async function ids(params: Params['params']) {
  const { id, entryId } = await params;
  return [parseId(id, 'article'), parseId(entryId, 'entry')] as const;
}

export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(getLiveEntry(user, ...(await ids(params))));
});

export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const [articleId, entryId] = await ids(params);
  const input = parseInput(EditEntryInput, await readJson(request));
  return NextResponse.json(editEntry(user, articleId, entryId, input));
});

/** Removes the entry from the public page; the desk keeps it. */
export const DELETE = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const [articleId, entryId] = await ids(params);
  const input = parseInput(RemoveEntryInput, await readJson(request));
  return NextResponse.json(removeEntry(user, articleId, entryId, input));
});
