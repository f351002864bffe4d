import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { KeyPointsInput } from '@/lib/validation/live-coverage';
import { apiRoute, readJson } from '@/server/http/api-route';
import { saveKeyPoints } from '@/server/live-coverage/save-key-points';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(KeyPointsInput, await readJson(request));
  return NextResponse.json({ keyPoints: saveKeyPoints(user, id, input) });
});
