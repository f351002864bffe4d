import { NextResponse } from 'next/server';
import { CreatePreviewLinkInput } from '@/lib/preview-links/preview-link';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { apiRoute, readJson } from '@/server/http/api-route';
import { createPreviewLink } from '@/server/preview-links/create-preview-link';
import { listPreviewLinks } from '@/server/preview-links/queries';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** The article's preview links, newest first. */
export const GET = apiRoute(async (_request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(listPreviewLinks(user, parseId((await params).id, 'article')));
});

/** Makes a link from `{ shows, hours }`; the answer holds its address, which is never shown again. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const input = parseInput(CreatePreviewLinkInput, await readJson(request));
  return NextResponse.json(createPreviewLink(user, id, input), { status: 201, headers: { 'cache-control': 'no-store' } });
});
