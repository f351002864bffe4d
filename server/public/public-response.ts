import 'server-only';

/**
 * A public document (feed, sitemap, ninjs): readers' caches and a CDN may keep it a minute, the
 * same as the story pages, so a correction or a withdrawal reaches everyone within one.
 */
export function publicResponse(body: string, contentType: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': contentType, 'cache-control': 'public, max-age=60, s-maxage=60' },
  });
}
