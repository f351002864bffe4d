import 'server-only';
import { NextResponse } from 'next/server';
import { isSqliteBusy } from '@/db/busy-retry';
import { type ApiErrorBody, AppError } from '@/lib/app-error';
import { touchSession } from '@/server/auth/next-auth';
import { isPersonActing } from '@/server/auth/session-lifetime';
import { log } from '@/server/log/logger';
import { logRequest } from '@/server/log/request-log';
import { isClientAbort } from './client-abort';
import { assertSameOrigin } from './same-origin';

/** Requests larger than this are refused before they are parsed. */
const MAX_REQUEST_BYTES = 2_000_000;

/**
 * Wraps a route handler: typed domain errors become `{ error: { code, message, fields } }` with their
 * status; anything else is logged and answered with a 500 that promises nothing was half-done.
 */
export function apiRoute<Ctx>(handler: (request: Request, context: Ctx) => Promise<Response>) {
  return (request: Request, context: Ctx): Promise<Response> => logRequest(request, async () => {
    try {
      assertSameOrigin(request);
      if (isPersonActing(request)) await touchSession();
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return NextResponse.json(error.toBody(), { status: error.status });
      // Nobody is left to answer, and nothing went wrong on our side.
      if (isClientAbort(error)) return new Response(null, { status: 499 });
      // The server already retried (db/busy-retry.ts); the editor's autosave retries after Retry-After.
      if (isSqliteBusy(error)) {
        log.error({ err: error }, 'sqlite busy surfaced');
        const busy: ApiErrorBody = { error: { code: 'INTERNAL', message: 'The newsroom database is busy; nothing was changed. Try again in a moment.' } };
        return NextResponse.json(busy, { status: 503, headers: { 'retry-after': '1' } });
      }
      log.error({ err: error }, 'request failed');
      const body: ApiErrorBody = {
        error: { code: 'INTERNAL', message: 'Something went wrong on our side; nothing was changed. Try again.' },
      };
      return NextResponse.json(body, { status: 500 });
    }
  });
}

/** The request's JSON body, or INVALID / TOO_LARGE with a message a person can act on. */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_REQUEST_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) throw tooLarge();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID', 'The request body is not valid JSON.');
  }
}

function tooLarge(): AppError {
  return new AppError('TOO_LARGE', `The request is larger than ${MAX_REQUEST_BYTES / 1e6} MB.`);
}
