// Any origin that cannot be a real host: only used to see where a path would lead.
const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * Where to go after signing in: only a path on this site, never another origin. The path is read
 * the way a browser reads it (which drops tabs and newlines and takes `\` for `/`, so
 * `/\t/evil.com` means `//evil.com`), and what comes back is that normalized path.
 */
export function safeReturnPath(raw: unknown, fallback = '/desk'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
