import 'server-only';
import { escapeUTF8 } from 'entities';
import { changesPath } from '@/lib/story-changes/story-changes';
import { formatWireTime } from '@/lib/wire-timestamp';
import { plainPageHtml } from './plain-page';

/**
 * The page a withdrawn story's address answers with, status 410 Gone. The proxy sends it, and the
 * proxy cannot render React, so it is a plain page; every value in it is escaped.
 */
export function withdrawnPageHtml(story: { slug: string; headline: string; withdrawnAt: Date; historyShown: boolean }, site: { name: string; language: string }, timeZone: string): string {
  const when = formatWireTime(story.withdrawnAt, timeZone);
  const main = `<h1>This story has been withdrawn</h1>
<p>“${escapeUTF8(story.headline)}” was withdrawn at <time datetime="${story.withdrawnAt.toISOString()}">${escapeUTF8(when)}</time>.</p>
${story.historyShown ? `<p><a href="${escapeUTF8(changesPath(story.slug))}">What changed in this story before it was withdrawn</a></p>\n` : ''}<p><a href="/">See the latest news</a></p>
`;
  return plainPageHtml({ title: 'Story withdrawn', code: '410 · Withdrawn', main }, site);
}
