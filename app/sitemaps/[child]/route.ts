import { LIST_KEYS, sitemapChildKey } from '@/lib/public/surrogate-keys';
import { SitemapFileName } from '@/lib/validation/sitemap';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';
import { childSitemap } from '@/server/public/sitemaps';

type Params = { params: Promise<{ child: string }> };

export const dynamic = 'force-dynamic';

/** One child of the sitemap index, `/sitemaps/3.xml`; a number the index does not list is 404. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const number = SitemapFileName.safeParse((await params).child);
  const xml = number.success ? childSitemap(number.data, siteInfo()) : undefined;
  // A missing child is named by its key too: the first story published in its block purges the 404.
  const keys = number.success ? [sitemapChildKey(number.data)] : [LIST_KEYS.sitemaps];
  if (xml === undefined) return publicResponse('No such sitemap.', 'text/plain; charset=utf-8', keys, 404);
  return publicResponse(xml, 'application/xml; charset=utf-8', keys);
}
