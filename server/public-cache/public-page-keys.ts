import 'server-only';
import { LIST_KEYS, storyKey, storyKeys } from '@/lib/public/surrogate-keys';
import { listPageKeys } from '@/server/public/list-page';
import { storyChangesKeys } from '@/server/story-changes/changes-feed-route';
import { findStoryChanges } from '@/server/story-changes/find-story-changes';
import { findPublicArticle, FRONT_PAGE_SIZE, frontPageSections, latestPublicTeasers, listPublicCorrections } from '@/server/public/queries';

const STORY_PATH = /^\/news\/([^/]+)$/;
const CHANGES_PATH = /^\/news\/([^/]+)\/changes(?:\/before\/([0-9]+))?$/;

/**
 * The surrogate keys of a public page, for the proxy to send with it: a page cannot set its own
 * headers. Read from the same queries the page renders from; a change landing between the two is
 * caught by the cache, which does not keep a response whose keys were purged while it was made.
 * Null for a path that is no public page.
 */
export function publicPageKeys(pathname: string): string[] | null {
  if (pathname === '/') {
    const grouped = frontPageSections().flatMap((group) => group.articles);
    return [LIST_KEYS.front, ...[...latestPublicTeasers(FRONT_PAGE_SIZE), ...grouped].flatMap(storyKeys)];
  }
  if (pathname === '/corrections') return [LIST_KEYS.corrections, ...listPublicCorrections().map((listing) => storyKey(listing.articleId))];
  const changesAt = CHANGES_PATH.exec(pathname);
  if (changesAt) {
    const changes = findStoryChanges(changesAt[1] ?? '', changesAt[2] === undefined ? undefined : Number(changesAt[2]));
    return changes ? storyChangesKeys(changes) : null;
  }
  const slug = STORY_PATH.exec(pathname)?.[1];
  if (slug === undefined) return listPageKeys(pathname);
  const article = findPublicArticle(slug);
  return article ? storyKeys(article) : null;
}
