import 'server-only';
import type { Metadata } from 'next';
import { cache } from 'react';
import { listFeedPath, type ListKind, listKeyOf, listPath, olderPagePath, type ShownList } from '@/lib/public/public-lists';
import { photoKey, storyKeys } from '@/lib/public/surrogate-keys';
import { publicListPage, resolvePublicList } from './list-queries';

const LIST_PAGE_PATH = /^\/(section|tag|author)\/([a-z0-9-]+)(?:\/before\/([0-9]+))?$/;

/** A list page's address, read from its path; null for any other path. */
export function listPageAt(pathname: string): { kind: ListKind; slug: string; before: string | undefined } | null {
  const match = LIST_PAGE_PATH.exec(pathname);
  return match ? { kind: match[1] as ListKind, slug: match[2] ?? '', before: match[3] } : null;
}

/**
 * The page at `/<kind>/<slug>` (no `before`) or `/<kind>/<slug>/before/<story id>`; undefined for
 * an address with no list or no such story (a former address never gets here: the proxy answers
 * it with a 301). Read once per render, for the page and its metadata.
 */
export const shownList = cache((kind: ListKind, slug: string, before: string | undefined): ShownList | undefined => {
  const beforeId = before === undefined ? undefined : Number(before);
  if (beforeId !== undefined && !Number.isSafeInteger(beforeId)) return undefined;
  const address = resolvePublicList(kind, slug);
  if (address.kind !== 'found') return undefined;
  const page = publicListPage(address.list, beforeId);
  if (!page) return undefined;
  return { head: address.list, page, path: beforeId === undefined ? listPath(kind, slug) : olderPagePath(kind, slug, beforeId) };
});

/** The surrogate keys of a list's page: the list, the stories shown, the author's photo. */
export function listPageKeys(pathname: string): string[] | null {
  const at = listPageAt(pathname);
  const shown = at && shownList(at.kind, at.slug, at.before);
  if (!shown) return null;
  const { head, page } = shown;
  return [listKeyOf(head.kind, head.id), ...(head.photo ? [photoKey(head.photo.id)] : []), ...page.articles.flatMap(storyKeys)];
}

/** A list page's title, description, canonical address (each page its own) and its feeds for autodiscovery. */
export function listPageMetadata(shown: ShownList | undefined): Metadata {
  if (!shown) return {};
  const { head, path } = shown;
  return {
    title: path === listPath(head.kind, head.slug) ? head.name : `${head.name}: older stories`,
    description: head.about || undefined,
    alternates: {
      canonical: path,
      types: { 'application/rss+xml': listFeedPath(head.kind, head.slug, 'rss'), 'application/atom+xml': listFeedPath(head.kind, head.slug, 'atom') },
    },
  };
}
