/**
 * A file size as people read it, in decimal units as operating systems show them: `148 kB`,
 * `3.6 MB`, `25 MB`. One decimal place for megabytes, dropped when it is zero.
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  const megabytes = (bytes / 1_000_000).toFixed(1).replace(/\.0$/, '');
  return `${megabytes} MB`;
}
