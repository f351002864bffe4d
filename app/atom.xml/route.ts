import { atomFeed } from '@/lib/standards/feeds';
import { LIST_KEYS, storyKeys } from '@/lib/public/surrogate-keys';
import { FEED_SIZE, latestPublicArticles } from '@/server/public/queries';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** Atom: the 50 newest live stories, with `published` and `updated`. */
export function GET(): Response {
  const articles = latestPublicArticles(FEED_SIZE);
  return publicResponse(atomFeed(articles, siteInfo()), 'application/atom+xml; charset=utf-8', [LIST_KEYS.feeds, ...articles.flatMap(storyKeys)]);
}
