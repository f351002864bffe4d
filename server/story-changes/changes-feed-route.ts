import 'server-only';
import { CHANGES_CREDIT_KEY, photoKey, storyKey } from '@/lib/public/surrogate-keys';
import { changesAtomFeed, changesJson } from '@/lib/standards/changes-feed';
import { changesFeedPath, type StoryChanges } from '@/lib/story-changes/story-changes';
import { FEED_TYPES, publicRedirect, publicResponse } from '@/server/public/public-response';
import { resolvePublicAddress } from '@/server/public/queries';
import { siteInfo } from '@/server/public/site';
import { findStoryChanges } from './find-story-changes';

/**
 * What a story's history shows besides the story: the library photos whose captions and credits it
 * prints, and the newsroom's setting for who is credited. The story's own key covers every publish,
 * withdrawal, address change and legal removal.
 */
export function storyChangesKeys(changes: StoryChanges): string[] {
  return [storyKey(changes.articleId), ...changes.photoIds.map(photoKey), CHANGES_CREDIT_KEY];
}

/**
 * `/news/<slug>/changes.atom` and `/news/<slug>/changes.json`: the newest page of the story's
 * history for machines. A former address redirects, as the page does.
 */
export function changesFeedRoute(format: 'atom' | 'json') {
  return async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
    const { slug } = await params;
    const site = siteInfo();
    const address = resolvePublicAddress(slug);
    if (address.kind === 'moved') return publicRedirect(site.url + changesFeedPath(address.slug, format), [storyKey(address.id)]);
    const changes = findStoryChanges(slug);
    if (!changes) return new Response('No story history at this address.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return format === 'atom'
      ? publicResponse(changesAtomFeed(changes, site), FEED_TYPES.atom, storyChangesKeys(changes))
      : publicResponse(JSON.stringify(changesJson(changes, site)), 'application/json; charset=utf-8', storyChangesKeys(changes));
  };
}
