import { LIST_KEYS, storyKey } from '@/lib/public/surrogate-keys';
import { MAX_NEWS_URLS, newsSitemap, NEWS_WINDOW_MS } from '@/server/public/news-sitemap';
import { latestPublicHeadlines } from '@/server/public/queries';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** Google News sitemap: the stories first published in the last two days, at most 1,000. */
export async function GET(): Promise<Response> {
  const now = new Date();
  const recent = latestPublicHeadlines(MAX_NEWS_URLS, new Date(now.getTime() - NEWS_WINDOW_MS));
  return publicResponse(await newsSitemap(recent, siteInfo(), now), 'application/xml; charset=utf-8', [
    LIST_KEYS.newsSitemap,
    ...recent.map((story) => storyKey(story.id)),
  ]);
}
