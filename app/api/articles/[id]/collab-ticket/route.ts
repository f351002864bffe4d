import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { issueCollabTicket } from '@/server/co-editing/collab-ticket';
import { apiRoute } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** A short-lived ticket to join the article's shared document, editing or only watching as the policy allows. */
export const POST = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(issueCollabTicket(user, parseId((await params).id, 'article')));
});
