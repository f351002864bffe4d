import { rssFeed } from '@/lib/standards/feeds';
import { LIST_KEYS, storyKeys } from '@/lib/public/surrogate-keys';
import { FEED_SIZE, latestPublicArticles } from '@/server/public/queries';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** RSS 2.0 with Media RSS credits: the 50 newest live stories. */
export function GET(): Response {
  const articles = latestPublicArticles(FEED_SIZE);
  return publicResponse(rssFeed(articles, siteInfo()), 'application/rss+xml; charset=utf-8', [LIST_KEYS.feeds, ...articles.flatMap(storyKeys)]);
}
