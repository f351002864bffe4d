import { LIST_KEYS } from '@/lib/public/surrogate-keys';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';
import { sitemapIndex } from '@/server/public/sitemaps';

export const dynamic = 'force-dynamic';

/** The sitemap index for search engines: one child sitemap per block of story ids, /sitemaps/1.xml onwards. */
export function GET(): Response {
  return publicResponse(sitemapIndex(siteInfo()), 'application/xml; charset=utf-8', [LIST_KEYS.sitemaps]);
}
