import { NextResponse } from 'next/server';
import { z } from 'zod';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { claimEditLock, releaseEditLock } from '@/server/articles/edit-lock';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

const ClaimLockInput = z.strictObject({ takeOver: z.boolean().default(false) });

/** Takes, renews (the heartbeat) or takes over the edit lock; answers who holds it. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(ClaimLockInput, await readJson(request));
  return NextResponse.json(claimEditLock(user, id, input));
});

export const DELETE = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  releaseEditLock(user, parseId((await params).id, 'article'));
  return new NextResponse(null, { status: 204 });
});
