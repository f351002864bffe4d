import 'server-only';
import { PUBLIC_CACHE_CONTROL, SURROGATE_KEY_HEADER, surrogateKeyHeader } from '@/lib/public/surrogate-keys';

/**
 * A public document (feed, sitemap, ninjs), named by the surrogate keys of what it shows so that
 * the change that alters it purges it (lib/public/surrogate-keys.ts).
 */
export function publicResponse(body: string, contentType: string, keys: Iterable<string>, status = 200): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': contentType, 'cache-control': PUBLIC_CACHE_CONTROL, [SURROGATE_KEY_HEADER]: surrogateKeyHeader(keys) },
  });
}
