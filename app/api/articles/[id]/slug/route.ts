import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { SlugChangeInput } from '@/lib/validation/workflow';
import { changeSlug } from '@/server/articles/slugs';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** Sets the story's public address `{ slug }`; after publishing, the old one redirects (301). */
export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const { slug } = parseInput(SlugChangeInput, await readJson(request));
  return NextResponse.json(changeSlug(user, id, slug));
});
