import { NextResponse } from 'next/server';
import { storyKey, storyKeys } from '@/lib/public/surrogate-keys';
import { canceledNinjs, ninjsOf } from '@/lib/standards/ninjs';
import { findPublicArticle, resolvePublicAddress } from '@/server/public/queries';
import { publicRedirect, publicResponse } from '@/server/public/public-response';
import { siteInfo } from '@/server/public/site';

type Params = { params: Promise<{ slug: string }> };

export const dynamic = 'force-dynamic';

const NINJS = 'application/json; charset=utf-8';

/**
 * The live story as IPTC ninjs 2.2, for partners and aggregators. A withdrawn story answers with
 * `pubstatus: canceled` (so a client that took it knows to take it down), a former address
 * redirects, anything else is 404.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  const site = siteInfo();
  const address = resolvePublicAddress(slug);
  switch (address.kind) {
    case 'live': {
      const article = findPublicArticle(slug);
      if (article) return publicResponse(JSON.stringify(ninjsOf(article, site)), NINJS, storyKeys(article));
      break;
    }
    case 'withdrawn':
      return publicResponse(JSON.stringify(canceledNinjs({ ...address, slug, withdrawnAt: address.withdrawnAt.toISOString() }, site)), NINJS, [storyKey(address.id)]);
    case 'moved':
      return publicRedirect(`${site.url}/api/v1/articles/${address.slug}/ninjs`, [storyKey(address.id)]);
    case 'unknown':
      break;
  }
  return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'No published story at that address.' } }, { status: 404 });
}
