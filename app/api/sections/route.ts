import { NextResponse } from 'next/server';
import { createSection } from '@/server/filing/save-section';
import { listSectionsFor } from '@/server/filing/queries';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

/** The sections in the newsroom’s order, with what an admin edits (admins). */
export const GET = apiRoute(async () => {
  const user = await requireUser();
  return NextResponse.json(listSectionsFor(user));
});

/** A new section `{ name, slug?, description?, mediaTopic? }`, last in the order (admins). */
export const POST = apiRoute(async (request) => {
  const user = await requireUser();
  return NextResponse.json(createSection(user, await readJson(request)), { status: 201 });
});
