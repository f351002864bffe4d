import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { PinEntryInput } from '@/lib/validation/live-coverage';
import { apiRoute, readJson } from '@/server/http/api-route';
import { pinEntry } from '@/server/live-coverage/pin-entry';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string; entryId: string }> };

export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const { id, entryId } = await params;
  const input = parseInput(PinEntryInput, await readJson(request));
  return NextResponse.json(pinEntry(user, parseId(id, 'article'), parseId(entryId, 'entry'), input));
});
