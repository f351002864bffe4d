import type { NextAuthRequest } from 'next-auth';
import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { publicPath } from '@/lib/public/public-article';
import { listKeyOf, listPath } from '@/lib/public/public-lists';
import { SESSION_COOKIE } from '@/lib/session-cookie';
import { storyKey, SURROGATE_KEY_HEADER, surrogateKeyHeader } from '@/lib/public/surrogate-keys';
import { auth } from '@/server/auth/next-auth';
import { env } from '@/server/env';
import {
  newNonce,
  pageContentSecurityPolicy,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from '@/server/http/security-headers';
import { previewRefusalOf } from '@/server/preview-links/open-preview';
import { PREVIEW_HEADERS, refusedPreviewResponse } from '@/server/preview-links/refused-preview';
import { publicPageKeys } from '@/server/public-cache/public-page-keys';
import { publicRedirect, publicResponse } from '@/server/public/public-response';
import { resolvePublicList } from '@/server/public/list-queries';
import { resolvePublicAddress } from '@/server/public/queries';
import { siteInfo } from '@/server/public/site';
import { withdrawnPageHtml } from '@/server/public/withdrawn-page';

/** Kept by the page cache handler (server/public/page-cache-handler.mjs), which Next loads itself. */
const SCRIPT_HASHES = Symbol.for('dateline.pageScriptHashes');
const STORY_PATH = /^\/news\/([^/]+)$/;
const PREVIEW_PATH = /^\/preview\/([^/]+)\/([^/]+)$/;
const CHANGES_PATH = /^\/news\/([a-z0-9-]+)(\/changes(?:\/before\/[0-9]+)?)$/;
const FORMER_LIST_PATH = /^\/(section|tag)\/([a-z0-9-]+)(\/before\/[0-9]+|\/feed\.xml|\/atom\.xml)?$/;

/**
 * Every page gets its Content-Security-Policy here, with a nonce Next puts on the scripts it renders
 * for this request, and, for a page the cache already holds, the hashes of that page's inline
 * scripts (docs/decisions/013). Story addresses also answer what a page cannot: 410 Gone for a
 * withdrawn story, and 301 from a story's former address to its current one.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Awaited<ReturnType<NextMiddleware>>> {
  // A signed-in person opening a page is at work: Auth.js re-issues their session cookie with this
  // moment as its last activity (server/auth/next-auth.ts), or clears it if the session has ended.
  if (isPageOpenedWithSession(request)) {
    // With its config built lazily, Auth.js hands back the wrapped proxy asynchronously, whatever
    // its type says.
    const withSessionRefresh = await auth(securedPage);
    return withSessionRefresh(request, event);
  }
  return securedResponse(request);
}

const securedPage: (request: NextAuthRequest, event: NextFetchEvent) => Response = (request) => securedResponse(request);

/**
 * A page the browser loads as a document, with a session. Not a server action's POST (sign-out
 * among them sets its own cookie on the same response), and not the router's fetches of a page's
 * payload: it prefetches every link in view by itself, and one answered just after the person
 * signed out would put their cookie back. (Next hides its prefetch header from the proxy.)
 */
function isPageOpenedWithSession(request: NextRequest): boolean {
  return (
    request.method === 'GET' &&
    request.headers.get('sec-fetch-dest') === 'document' &&
    request.cookies.getAll().some(({ name }) => name.includes(SESSION_COOKIE))
  );
}

function securedResponse(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  const policy = pageContentSecurityPolicy(newNonce(), cachedScriptHashes(pathname));
  const response = storyAddressResponse(pathname) ?? refusedPreview(pathname) ?? renderWithPolicy(request, policy);
  if (!response.headers.has(SURROGATE_KEY_HEADER) && request.method === 'GET') {
    const keys = publicPageKeys(pathname);
    if (keys) response.headers.set(SURROGATE_KEY_HEADER, surrogateKeyHeader(keys));
  }
  response.headers.set('content-security-policy', policy);
  if (PREVIEW_PATH.test(pathname)) for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.headers.set(name, value);
  if (servedOverHttps(request)) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

/** Next reads the nonce for the scripts it renders from the request's own CSP header. */
function renderWithPolicy(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return NextResponse.next({ request: { headers } });
}

function storyAddressResponse(pathname: string): Response | null {
  const slug = STORY_PATH.exec(pathname)?.[1];
  if (slug === undefined) return changesAddressResponse(pathname) ?? listAddressResponse(pathname);
  const address = resolvePublicAddress(slug);
  if (address.kind === 'moved') return publicRedirect(siteInfo().url + publicPath(address.slug), [storyKey(address.id)]);
  if (address.kind === 'withdrawn') {
    return publicResponse(withdrawnPageHtml(address, siteInfo(), env().NEWSROOM_TIMEZONE), 'text/html; charset=utf-8', [storyKey(address.id)], 410);
  }
  return null;
}

/**
 * A story's What changed page at a former address: 301 to the same page at its address now. (A
 * withdrawn story's history is still its page's to render.)
 */
function changesAddressResponse(pathname: string): Response | null {
  const match = CHANGES_PATH.exec(pathname);
  if (!match) return null;
  const address = resolvePublicAddress(match[1] ?? '');
  return address.kind === 'moved' ? publicRedirect(siteInfo().url + publicPath(address.slug) + (match[2] ?? ''), [storyKey(address.id)]) : null;
}

/** A renamed section's or tag's former address, its pages and feeds alike: 301 to the same place under its name now. */
function listAddressResponse(pathname: string): Response | null {
  const match = FORMER_LIST_PATH.exec(pathname);
  if (!match) return null;
  const kind = match[1] as 'section' | 'tag';
  const address = resolvePublicList(kind, match[2] ?? '');
  if (address.kind !== 'moved') return null;
  return publicRedirect(siteInfo().url + listPath(kind, address.slug) + (match[3] ?? ''), [listKeyOf(kind, address.id)]);
}

/**
 * A preview link that may not be opened (docs/decisions/027) is answered here, with the status
 * that says why, as a page cannot choose its status; one that may is the page's to render. Either
 * way the answer is private and not indexed.
 */
function refusedPreview(pathname: string): Response | null {
  const match = PREVIEW_PATH.exec(pathname);
  if (!match) return null;
  // No story has id 0: an address that names none is refused like any other wrong one, and logged.
  const articleId = /^[1-9][0-9]{0,15}$/.test(match[1] ?? '') ? Number(match[1]) : 0;
  const refusal = previewRefusalOf(articleId, match[2] ?? '');
  return refusal ? refusedPreviewResponse(refusal.reason, siteInfo()) : null;
}

function cachedScriptHashes(pathname: string): readonly string[] {
  const index = (globalThis as Record<symbol, { get(path: string): string[] | undefined } | undefined>)[SCRIPT_HASHES];
  return index?.get(pathname) ?? [];
}

// Route handlers are left out: the API and photo renditions get theirs from next.config.js, and a
// proxy would buffer every request body (photo uploads are up to 25 MB) to let itself read it.
export const config = { matcher: '/((?!api/|media/|_next/static/|_next/image|favicon\\.ico).*)' };
