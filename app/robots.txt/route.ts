import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/**
 * Search engines read the public site, its sitemap index and its news sitemap, never the desk. It
 * changes only with the site's address (SITE_URL, read at start), so its one key is never purged.
 */
export function GET(): Response {
  const site = siteInfo();
  const lines = ['User-Agent: *', 'Allow: /', ...['/desk', '/admin', '/api/', '/login'].map((path) => `Disallow: ${path}`)];
  const sitemaps = [`Sitemap: ${site.url}/sitemap.xml`, `Sitemap: ${site.url}/news-sitemap.xml`];
  return publicResponse([...lines, '', ...sitemaps, ''].join('\n'), 'text/plain; charset=utf-8', ['site']);
}
