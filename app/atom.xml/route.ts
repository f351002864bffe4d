import { atomFeed } from '@/lib/standards/feeds';
import { latestPublicArticles } from '@/server/public/queries';
import { publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

export const dynamic = 'force-dynamic';

/** Atom: the 50 newest live stories, with `published` and `updated`. */
export function GET(): Response {
  return publicResponse(atomFeed(latestPublicArticles(50), siteInfo()), 'application/atom+xml; charset=utf-8');
}
