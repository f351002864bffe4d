import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '@/server/env';

/**
 * The Content-Security-Policy of every page the proxy passes (docs/decisions/013). Scripts: this
 * origin's files, plus inline scripts carrying this response's nonce (a page rendered for this
 * request) or matching a hash (a cached story page, rendered for an earlier reader). There is no
 * 'strict-dynamic': a cached page's `<script src>` tags carry an old nonce, so 'self' must count.
 * Nothing on this origin serves script a person could have uploaded: photos are re-encoded images,
 * and every response has `nosniff`.
 */
export function pageContentSecurityPolicy(nonce: string | null, scriptHashes: readonly string[] = []): string {
  // Null for a response kept in the public cache and sent to every reader: a nonce seen by all is no secret.
  const scriptSrc = ["'self'", ...(nonce === null ? [] : [`'nonce-${nonce}'`]), ...scriptHashes];
  // React's development build evaluates strings for its call stacks; production never does.
  if (env().NODE_ENV === 'development') scriptSrc.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    // React renders `style` attributes, which no nonce can cover; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 random bits, fresh for every response (CSP Level 3 asks for at least 128). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Two years, for this host only: `includeSubDomains` would also force https on the paper's other
 * sites under the same name, which Dateline cannot know are ready for it.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/**
 * Over https: SITE_URL says readers use https, or the TLS-terminating proxy in front says this
 * request came in over it. A browser ignores HSTS on a plain http response anyway.
 */
export function servedOverHttps(request: Request): boolean {
  return servedOverHttpsBy(request.headers.get('x-forwarded-proto'));
}

/** The same, from the X-Forwarded-Proto value alone (the public cache reads Node's own headers). */
export function servedOverHttpsBy(forwardedProto: string | null | undefined): boolean {
  return env().siteUrl.startsWith('https:') || forwardedProto?.split(',')[0]?.trim() === 'https';
}
