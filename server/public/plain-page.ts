import 'server-only';
import { escapeUTF8 } from 'entities';

/**
 * A small page of its own, for what the proxy answers before any React renders (a withdrawn story,
 * a refused preview link). `main` is HTML the caller built with every value escaped; nothing here
 * is indexed.
 */
export function plainPageHtml(page: { title: string; code: string; main: string }, site: { name: string; language: string }): string {
  return `<!doctype html>
<html lang="${escapeUTF8(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeUTF8(page.title)} · ${escapeUTF8(site.name)}</title>
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
<p class="code">${escapeUTF8(page.code)}</p>
${page.main}</main>
</body>
</html>
`;
}
