import type { IncomingHttpHeaders } from 'node:http';
import Negotiator from 'negotiator';
import { SESSION_COOKIE } from '@/lib/session-cookie';

/**
 * Which requests the public cache answers, and under which key. Only the public site's documents,
 * only as an anonymous reader asks for them: a session, a server action, or the router's request
 * for a page's React payload always goes on to Next. The key is the path alone: no public page
 * reads its query string, so `?utm_source=…` or a cache-buster gets the same document and cannot
 * fill the cache with copies (the fill asks for the bare path, so what is stored is what the key
 * names). A live story's event stream (`/live/<id>/events`) is never one: it is a stream per reader,
 * resumed from the event each asks for.
 */
const PUBLIC_PATHS = [
  /^\/$/,
  /^\/corrections$/,
  /^\/news\/[a-z0-9-]+(\/feed\.xml|\/atom\.xml|\/changes(\/before\/[0-9]+)?|\/changes\.atom|\/changes\.json)?$/,
  /^\/(section|tag|author)\/[a-z0-9-]+(\/before\/[0-9]+|\/feed\.xml|\/atom\.xml)?$/,
  /^\/feed\.xml$/,
  /^\/atom\.xml$/,
  /^\/sitemap\.xml$/,
  /^\/sitemaps\/[0-9]+\.xml$/,
  /^\/news-sitemap\.xml$/,
  /^\/robots\.txt$/,
  /^\/api\/v1\/articles\/[a-z0-9-]+\/ninjs$/,
];

/** Sent by the router for a page's React payload and by server actions: never a cached document. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];

export function publicCacheKey(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return null;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  // Slugs are lower-case letters, digits and hyphens: an encoded or odd path is Next's to answer.
  if (!PUBLIC_PATHS.some((pattern) => pattern.test(path))) return null;
  if (mustStayPrivate(method, headers)) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  return path;
}

/**
 * A request whose answer no shared cache may keep, whatever Next says of it: one that writes, or
 * one made with a session (a signed-in editor reading a story gets a refreshed session cookie).
 */
export function mustStayPrivate(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  return (method !== 'GET' && method !== 'HEAD') || headers.authorization !== undefined || headers.cookie?.includes(SESSION_COOKIE) === true;
}

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

export type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];

/** negotiator 1.x takes the server's preference for ties; its DefinitelyTyped types (0.6) do not say so yet. */
type EncodingNegotiator = { encoding(available: readonly Encoding[], options: { preferred: readonly Encoding[] }): Encoding | undefined };

/**
 * The encoding the reader accepts with the highest q-value among those stored; on a tie (browsers
 * send "gzip, deflate, br, zstd", all at q=1) the smallest, brotli. Identity when it names none.
 */
export function chosenEncoding(headers: IncomingHttpHeaders): Encoding {
  const negotiator = new Negotiator({ headers }) as unknown as EncodingNegotiator;
  return negotiator.encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity';
}
