import 'server-only';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { log, type RequestContext, withRequestContext } from './logger';

/** An id a proxy in front (nginx `$request_id`, a load balancer) already gave the request is kept. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

function requestIdOf(request: Request): string {
  const forwarded = request.headers.get(REQUEST_ID_HEADER);
  return forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
}

/**
 * Serves one API request inside its log context: every line logged meanwhile carries its id, the
 * answer carries it back in `x-request-id` (so a person's report can be matched to the logs), and
 * one line records method, path, status and time. The query string is left out: it can hold
 * search terms.
 */
export async function logRequest(request: Request, handle: () => Promise<Response>): Promise<Response> {
  const context: RequestContext = { requestId: requestIdOf(request) };
  return withRequestContext(context, async () => {
    const started = performance.now();
    const response = await handle();
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, context.requestId);
    log.info(
      { method: request.method, path: new URL(request.url).pathname, status: response.status, ms: Math.round((performance.now() - started) * 10) / 10 },
      'request',
    );
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
}
