import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { UpdatePhotoInput } from '@/lib/validation/photo';
import { apiRoute, readJson } from '@/server/http/api-route';
import { getPhoto } from '@/server/photos/queries';
import { updatePhoto } from '@/server/photos/update-photo';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(getPhoto(user, parseId((await params).id, 'photo')));
});

export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'photo');
  const input = parseInput(UpdatePhotoInput, await readJson(request));
  return NextResponse.json(updatePhoto(user, id, input));
});
