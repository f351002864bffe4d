import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { apiRoute } from '@/server/http/api-route';
import { revokePreviewLink } from '@/server/preview-links/revoke-preview-link';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string; linkId: string }> };

/** Ends the link at once; answers the article's links as they are now. */
export const POST = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  const { id, linkId } = await params;
  return NextResponse.json(revokePreviewLink(user, parseId(id, 'article'), parseId(linkId, 'preview link')));
});
