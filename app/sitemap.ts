import type { MetadataRoute } from 'next';
import { lastModified, publicPath } from '@/lib/public/public-article';
import { listPublicAddresses } from '@/server/public/queries';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** Every live story, for search engines; the news sitemap lists the last two days for Google News. */
export default function sitemap(): MetadataRoute.Sitemap {
  const site = siteInfo();
  return [
    { url: `${site.url}/`, changeFrequency: 'always' },
    ...listPublicAddresses().map((article) => ({ url: site.url + publicPath(article.slug), lastModified: lastModified(article) })),
  ];
}
