import type { MetadataRoute } from 'next';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** Search engines read the public site, its sitemap index and its news sitemap, never the desk. */
export default function robots(): MetadataRoute.Robots {
  const site = siteInfo();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/desk', '/admin', '/api/', '/login'] },
    sitemap: [`${site.url}/sitemap.xml`, `${site.url}/news-sitemap.xml`],
  };
}
