import { type NextRequest, NextResponse } from 'next/server';
import { publicPath } from '@/lib/public/public-article';
import { env } from '@/server/env';
import { resolvePublicAddress } from '@/server/public/queries';
import { siteInfo } from '@/server/public/site';
import { withdrawnPageHtml } from '@/server/public/withdrawn-page';

/**
 * Story addresses answer what a page cannot: 410 Gone for a withdrawn story, and 301 from a
 * story's former address to its current one. Everything else goes on to the (cached) story page.
 */
export function proxy(request: NextRequest): NextResponse {
  const slug = request.nextUrl.pathname.slice('/news/'.length);
  const address = resolvePublicAddress(slug);
  if (address.kind === 'moved') return NextResponse.redirect(new URL(publicPath(address.slug), request.url), 301);
  if (address.kind === 'withdrawn') {
    return new NextResponse(withdrawnPageHtml(address, siteInfo(), env().NEWSROOM_TIMEZONE), {
      status: 410,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60, s-maxage=60' },
    });
  }
  return NextResponse.next();
}

export const config = { matcher: '/news/:slug' };
