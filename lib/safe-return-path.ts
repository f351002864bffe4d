/** Where to go after signing in: only a path on this site, never another origin. */
export function safeReturnPath(raw: unknown, fallback = '/desk'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw;
}
