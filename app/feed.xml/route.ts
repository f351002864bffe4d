import { rssFeed } from '@/lib/standards/feeds';
import { latestPublicArticles } from '@/server/public/queries';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** RSS 2.0 with Media RSS credits: the 50 newest live stories. */
export function GET(): Response {
  return publicResponse(rssFeed(latestPublicArticles(50), siteInfo()), 'application/rss+xml; charset=utf-8');
}
