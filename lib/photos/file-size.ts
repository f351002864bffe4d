/** `24.9 MB`: file sizes as people read them (decimal megabytes, as operating systems show them). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
