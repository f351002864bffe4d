import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { ClaimReviewInput } from '@/lib/validation/review';
import { apiRoute, readJson } from '@/server/http/api-route';
import { claimReview } from '@/server/review/claim-review';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** Claims a story in review, or lets it go; answers with the review queue as it now is. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  return NextResponse.json(claimReview(user, id, parseInput(ClaimReviewInput, await readJson(request))));
});
