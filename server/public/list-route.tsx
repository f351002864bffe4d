import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicList } from '@/components/public/public-list';
import { listFeedPath, type ListKind, listKeyOf, listPath } from '@/lib/public/public-lists';
import { storyKeys } from '@/lib/public/surrogate-keys';
import { atomFeed, rssFeed } from '@/lib/standards/feeds';
import { env } from '@/server/env';
import { listPageMetadata, shownList } from './list-page';
import { resolvePublicList } from './list-queries';
import { FEED_SIZE, latestPublicArticles } from './queries';
import { FEED_TYPES, publicResponse } from './public-response';
import { siteInfo } from './site';

type ListPageProps = { params: Promise<{ slug: string; before?: string }> };

/**
 * What a section's, tag's or author's page route exports: the same for the first page and the
 * older ones, and for the three kinds, so each route file only names its kind.
 */
export function listPageRoute(kind: ListKind) {
  const shownAt = async (params: ListPageProps['params']) => {
    const { slug, before } = await params;
    return shownList(kind, slug, before);
  };
  return {
    generateMetadata: async ({ params }: ListPageProps): Promise<Metadata> => listPageMetadata(await shownAt(params)),
    Page: async function ListPage({ params }: ListPageProps) {
      const shown = await shownAt(params);
      if (!shown) notFound();
      return <PublicList shown={shown} timeZone={env().NEWSROOM_TIMEZONE} />;
    },
  };
}

/** A list's feed route: its newest stories as RSS or Atom, named after it; 404 for no such list. */
export function listFeedRoute(kind: ListKind, format: 'rss' | 'atom') {
  return async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
    const address = resolvePublicList(kind, (await params).slug);
    if (address.kind !== 'found') return new Response('No such list.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const { list } = address;
    const site = siteInfo();
    const articles = latestPublicArticles(FEED_SIZE, list);
    const channel = {
      title: `${list.name} · ${site.name}`,
      description: list.about || `The latest stories in ${list.name} from ${site.name}`,
      pagePath: listPath(kind, list.slug),
      rssPath: listFeedPath(kind, list.slug, 'rss'),
      atomPath: listFeedPath(kind, list.slug, 'atom'),
    };
    const body = format === 'rss' ? rssFeed(articles, site, channel) : atomFeed(articles, site, channel);
    return publicResponse(body, FEED_TYPES[format], [listKeyOf(kind, list.id), ...articles.flatMap(storyKeys)]);
  };
}
