import 'server-only';
import { escapeUTF8 } from 'entities';
import { publicPath, type SiteInfo } from '@/lib/public/public-article';
import { SITEMAP_BLOCK } from '@/lib/public/surrogate-keys';
import { listLiveIdBlocks, listPublicAddressesByIds } from './queries';

/**
 * sitemaps.org allows 50,000 URLs (and 50 MB) in one sitemap, so `/sitemap.xml` is an index of
 * child sitemaps, each a block of 50,000 story ids: child n lists the live stories with ids
 * (n−1)·50,000 … n·50,000 − 1, and the front page stands in for id 0 in the first. Ids only grow, so
 * a new story changes only the last child and an update or a withdrawal only its own, and a crawler
 * re-reads only the children whose `lastmod` moved, and a change purges only the child it is in
 * (lib/public/surrogate-keys.ts). See docs/decisions/018-sitemap-index-by-id-blocks.md.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAPS_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A child sitemap's address, relative to the site; app/sitemaps/[child]/route.ts answers it. */
function childSitemapPath(number: number): string {
  return `/sitemaps/${number}.xml`;
}

/** The sitemap index: every child that has a URL in it, with the newest change among its stories. */
export function sitemapIndex(site: SiteInfo): string {
  const blocks = listLiveIdBlocks(SITEMAP_BLOCK);
  // The first child always holds the front page, even before any story is live.
  const children = blocks[0]?.number === 1 ? blocks : [{ number: 1, lastModified: null }, ...blocks];
  const entries = children.map(
    ({ number, lastModified }) => `<sitemap>${element('loc', site.url + childSitemapPath(number))}${lastModified ? element('lastmod', lastModified) : ''}</sitemap>`,
  );
  return document('sitemapindex', entries);
}

/** Child sitemap `number`, or undefined when there is no such child: no live story in its block. */
export function childSitemap(number: number, site: SiteInfo): string | undefined {
  if (!Number.isSafeInteger(number) || number < 1) return undefined;
  const stories = listPublicAddressesByIds((number - 1) * SITEMAP_BLOCK, number * SITEMAP_BLOCK - 1);
  if (number > 1 && stories.length === 0) return undefined;
  const entries = stories.map((story) => `<url>${element('loc', site.url + publicPath(story.slug))}${element('lastmod', story.lastModified)}</url>`);
  // The front page changes with every publish anywhere: a lastmod for it would change this child
  // with each one, so it says `always` instead.
  if (number === 1) entries.unshift(`<url>${element('loc', `${site.url}/`)}${element('changefreq', 'always')}</url>`);
  return document('urlset', entries);
}

/**
 * Written as text, not through the `sitemap` package the news sitemap uses: its stream takes seconds
 * for 50,000 URLs, where joining strings takes a few dozen milliseconds.
 */
function document(root: 'urlset' | 'sitemapindex', entries: string[]): string {
  return `${XML_DECLARATION}\n<${root} xmlns="${SITEMAPS_NAMESPACE}">\n${entries.join('\n')}\n</${root}>\n`;
}

function element(name: string, text: string): string {
  return `<${name}>${escapeUTF8(text)}</${name}>`;
}
