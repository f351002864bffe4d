'use server';

import { revalidatePath } from 'next/cache';
import { type FieldErrors, isAppError } from '@/lib/app-error';
import { parseId } from '@/lib/validation/parse-id';
import { requireSignedIn } from '@/server/session';
import { createWireSource, type IssuedIngestToken, revokeWireSource } from '@/server/wire-ingest/wire-sources';

const PAGE = '/admin/wire-sources';

export type WireSourceFormState = { error: string | null; fields: FieldErrors; issued: IssuedIngestToken | null };

/** Gives an agency a token; it is in the answer this once, and only its hash is kept. */
export async function createWireSourceAction(_previous: WireSourceFormState, form: FormData): Promise<WireSourceFormState> {
  const admin = await requireSignedIn(PAGE);
  try {
    const issued = createWireSource(admin, { name: form.get('name') });
    revalidatePath(PAGE);
    return { error: null, fields: {}, issued };
  } catch (error) {
    if (isAppError(error)) return { error: error.message, fields: error.details.fields ?? {}, issued: null };
    throw error;
  }
}

export type RevokeFormState = { error: string | null };

export async function revokeWireSourceAction(_previous: RevokeFormState | undefined, form: FormData): Promise<RevokeFormState> {
  const admin = await requireSignedIn(PAGE);
  try {
    revokeWireSource(admin, parseId(String(form.get('sourceId') ?? ''), 'wire source'));
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath(PAGE);
  return { error: null };
}
