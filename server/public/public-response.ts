import 'server-only';
import { PUBLIC_CACHE_CONTROL, SURROGATE_KEY_HEADER, surrogateKeyHeader } from '@/lib/public/surrogate-keys';

/** The feeds' media types, for a list's feeds and a live story's. */
export const FEED_TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' } as const;

/**
 * A public document (feed, sitemap, ninjs, a withdrawn story's 410), named by the surrogate keys of
 * what it shows so that the change that alters it purges it (lib/public/surrogate-keys.ts).
 */
export function publicResponse(body: string, contentType: string, keys: Iterable<string>, status = 200): Response {
  return new Response(body, { status, headers: { 'content-type': contentType, ...sharedHeaders(keys) } });
}

/**
 * A former address's permanent redirect. `location` is absolute, on the site's own address rather
 * than the Host a reader sent: the answer is cached and shared.
 */
export function publicRedirect(location: string, keys: Iterable<string>): Response {
  return new Response(null, { status: 301, headers: { location, ...sharedHeaders(keys) } });
}

function sharedHeaders(keys: Iterable<string>): Record<string, string> {
  return { 'cache-control': PUBLIC_CACHE_CONTROL, [SURROGATE_KEY_HEADER]: surrogateKeyHeader(keys) };
}
