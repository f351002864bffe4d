import 'server-only';
import { escapeUTF8 } from 'entities';
import { changesPath } from '@/lib/story-changes/story-changes';
import { formatWireTime } from '@/lib/wire-timestamp';

/**
 * The page a withdrawn story's address answers with, status 410 Gone. The proxy sends it, and the
 * proxy cannot render React, so it is a small page of its own; every value in it is escaped.
 */
export function withdrawnPageHtml(story: { slug: string; headline: string; withdrawnAt: Date; historyShown: boolean }, site: { name: string; language: string }, timeZone: string): string {
  const when = formatWireTime(story.withdrawnAt, timeZone);
  return `<!doctype html>
<html lang="${escapeUTF8(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Story withdrawn · ${escapeUTF8(site.name)}</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.5; color: #1b1f24; background: #fff; }
header { background: #1b1f24; padding: 0.75rem 1.5rem; }
header a { color: #fff; font-family: Georgia, 'Times New Roman', serif; font-size: 1.4rem; font-weight: 700; text-decoration: none; }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1.5rem; }
p.code { color: #4f5965; }
a { color: #0b5cad; }
</style>
</head>
<body>
<header><a href="/">${escapeUTF8(site.name)}</a></header>
<main>
<p class="code">410 · Withdrawn</p>
<h1>This story has been withdrawn</h1>
<p>“${escapeUTF8(story.headline)}” was withdrawn at <time datetime="${story.withdrawnAt.toISOString()}">${escapeUTF8(when)}</time>.</p>
${story.historyShown ? `<p><a href="${escapeUTF8(changesPath(story.slug))}">What changed in this story before it was withdrawn</a></p>\n` : ''}<p><a href="/">See the latest news</a></p>
</main>
</body>
</html>
`;
}
