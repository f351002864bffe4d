import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import { liveStreamState } from './queries';
import type { LiveStreams } from './live-streams';

const EVENTS_PATH = /^\/live\/([1-9]\d{0,15})\/events$/;
/** Ids are SQLite rowids: positive, and never longer than this. */
const EVENT_ID = /^[1-9]\d{0,15}$/;

/** Never kept by a browser, a proxy or a CDN, and never buffered by one (nginx reads `X-Accel-Buffering`). */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
};

/** How long a reader waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

/** Whether this request is for a live story's event stream: these are the server's, not Next's. */
export function isLiveEventsRequest(url: string | undefined): boolean {
  return url !== undefined && EVENTS_PATH.test(url.split('?', 1)[0]!);
}

/**
 * Where a reader resumes: their Last-Event-ID when they reconnect, else the `after` the page was
 * rendered at; anything that is not an event id is ignored, as if absent.
 */
export function resumePoint(lastEventId: string | string[] | undefined, after: string | null): number | null {
  for (const candidate of [lastEventId, after]) {
    if (typeof candidate === 'string' && EVENT_ID.test(candidate.trim())) return Number(candidate.trim());
  }
  return null;
}

/** The reader's address: the connection's, or the first untrusted one a trusted proxy forwarded. */
export function readerAddressOf(trustedProxies: readonly string[]): (request: IncomingMessage) => string {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request) => proxyAddr(request, trust);
}

function refuse(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(text);
}

/**
 * GET /live/<story id>/events: the story's changes as Server-Sent Events while its coverage is on.
 * 404 for anything that is not a public live story; 204 once coverage has ended, which tells
 * EventSource to stop reconnecting; 429 past the per-address limit and 503 when the process holds
 * all it may, both with a Retry-After.
 */
export function serveLiveEvents(streams: LiveStreams, readerAddress: (request: IncomingMessage) => string) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const articleId = Number(EVENTS_PATH.exec(url.pathname)?.[1]);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    const state = liveStreamState(articleId);
    if (state === 'none') return refuse(response, 404, 'No live coverage at this address.');
    if (state === 'ended') {
      response.writeHead(204, { 'cache-control': 'no-store' });
      return void response.end();
    }
    const address = readerAddress(request);
    const admission = streams.admit(address);
    if (!admission.ok) {
      return refuse(response, admission.status, 'Too many live streams; try again shortly.', { 'retry-after': admission.status === 429 ? '30' : '5' });
    }
    response.writeHead(200, STREAM_HEADERS);
    if (request.method === 'HEAD') return void response.end();
    request.socket.setNoDelay(true);
    request.socket.setKeepAlive(true);
    response.write(`retry: ${RETRY_MS}\n\n`);
    streams.attach(response, articleId, address, resumePoint(request.headers['last-event-id'], url.searchParams.get('after')));
  };
}
