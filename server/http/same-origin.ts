import 'server-only';
import { AppError } from '@/lib/app-error';
import { env } from '@/server/env';

/** Methods that change nothing, so a cross-site request for them can do no harm. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CROSS_SITE_REFUSED =
  'This request came from another site, so Dateline refused it. Open Dateline itself and try again.';

/**
 * Refuses a state-changing request sent by a browser from another site (CSRF). The session cookie
 * is SameSite=Lax, which already keeps it off cross-site POSTs; this is the second lock, and the one
 * that also holds against a sibling subdomain (same site, other origin).
 *
 * A browser always sends `Origin` on a non-GET fetch or form post, so it must name this server:
 * the host the request was addressed to (as the browser saw it, through any reverse proxy) or
 * SITE_URL. Without `Origin`, `Sec-Fetch-Site` decides. With neither, the caller is not a browser
 * (curl, a script) and carries no ambient cookies a third site could borrow, so it is let through,
 * as Go's `http.CrossOriginProtection` does.
 */
export function assertSameOrigin(request: Request, siteUrl = env().siteUrl): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (!originMatches(origin, request, siteUrl)) throw new AppError('FORBIDDEN', CROSS_SITE_REFUSED);
    return;
  }
  const fetchSite = request.headers.get('sec-fetch-site');
  // 'none' is a request the person started themselves (typed address, bookmark), never a third site.
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new AppError('FORBIDDEN', CROSS_SITE_REFUSED);
  }
}

function originMatches(origin: string, request: Request, siteUrl: string): boolean {
  if (origin === siteUrl) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` (a sandboxed frame, a redirect across sites) is never ours.
    return false;
  }
  // The scheme is not compared: behind a TLS-terminating proxy this server itself is spoken to in
  // plain http. The host the browser addressed is what a third site cannot fake.
  const addressed = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  return addressed !== null && host === addressed.split(',')[0]?.trim();
}
