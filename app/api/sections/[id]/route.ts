import { NextResponse } from 'next/server';
import { parseId } from '@/lib/validation/parse-id';
import { editSection } from '@/server/filing/save-section';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** Edits a section `{ name, slug?, description?, mediaTopic? }`; a new address keeps the old one as a 301 (admins). */
export const PUT = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  return NextResponse.json(editSection(user, parseId((await params).id, 'section'), await readJson(request)));
});
