import 'server-only';
import { isLiveStory } from '@/lib/public/public-article';
import { storyKey, storyKeys } from '@/lib/public/surrogate-keys';
import { atomEntriesFeed, liveFeedPath, rssEntriesFeed } from '@/lib/standards/feeds';
import { FEED_TYPES, publicRedirect, publicResponse } from './public-response';
import { findPublicArticle, resolvePublicAddress } from './queries';
import { siteInfo } from './site';

const TEXT = 'text/plain; charset=utf-8';

/**
 * A live story's feed of its entries, RSS or Atom, at `/news/<slug>/feed.xml` and `atom.xml`. Named
 * by the story's keys (its entries' photos and authors among them), so each entry posted, edited,
 * pinned or removed purges it. A former address redirects as the page does; a withdrawn story's
 * feed is gone (410), as its page is; an ordinary story has none.
 */
export function liveFeedRoute(format: 'rss' | 'atom') {
  return async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
    const { slug } = await params;
    const site = siteInfo();
    const address = resolvePublicAddress(slug);
    if (address.kind === 'moved') return publicRedirect(site.url + liveFeedPath(address.slug, format), [storyKey(address.id)]);
    if (address.kind === 'withdrawn') return publicResponse('This story has been withdrawn.', TEXT, [storyKey(address.id)], 410);
    const story = address.kind === 'live' ? findPublicArticle(slug) : undefined;
    if (!story || !isLiveStory(story)) return new Response('No live story at this address.', { status: 404, headers: { 'content-type': TEXT } });
    return publicResponse(format === 'rss' ? rssEntriesFeed(story, site) : atomEntriesFeed(story, site), FEED_TYPES[format], storyKeys(story));
  };
}
