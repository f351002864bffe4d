import { NextResponse } from 'next/server';
import { createAuthor } from '@/server/filing/save-author';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

/** A new author profile `{ name, slug?, bio?, photoId?, userId? }`: a contributor, or a staff member's (admins). */
export const POST = apiRoute(async (request) => {
  const user = await requireUser();
  return NextResponse.json(createAuthor(user, await readJson(request)), { status: 201 });
});
