import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { TakeWireVersionInput } from '@/lib/validation/wire';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';
import { takeWireVersion } from '@/server/wire-ingest/take-wire-version';

type Params = { params: Promise<{ id: string }> };

/** Takes the newer version of the article's wire copy (`{ wireVersion }`); answers with the article as it now is. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const { id } = await params;
  const input = parseInput(TakeWireVersionInput, await readJson(request));
  return NextResponse.json(takeWireVersion(user, parseId(id, 'article'), input));
});
