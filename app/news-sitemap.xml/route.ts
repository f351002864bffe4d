import { newsSitemap, NEWS_WINDOW_MS } from '@/server/public/news-sitemap';
import { LIST_KEYS, storyKey } from '@/lib/public/surrogate-keys';
import { latestPublicArticles } from '@/server/public/queries';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** Google News sitemap: the stories first published in the last two days. */
export async function GET(): Promise<Response> {
  const now = new Date();
  const recent = latestPublicArticles(1000, new Date(now.getTime() - NEWS_WINDOW_MS));
  return publicResponse(await newsSitemap(recent, siteInfo(), now), 'application/xml; charset=utf-8', [
    LIST_KEYS.newsSitemap,
    ...recent.map((article) => storyKey(article.id)),
  ]);
}
