import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { EntryDraftInput } from '@/lib/validation/live-coverage';
import { apiRoute, readJson } from '@/server/http/api-route';
import { saveEntryDraft } from '@/server/live-coverage/save-entry-draft';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** The composer's autosave. */
export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(EntryDraftInput, await readJson(request));
  return NextResponse.json(saveEntryDraft(user, id, input));
});
