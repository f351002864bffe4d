/**
 * A file name as the browser sends it, reduced to what is shown back to people: the last part of
 * any path, printable (control characters and bidi overrides could disguise a name), at most 255
 * characters. Never used as a path. Plain code, not a zod schema, so the upload screens can use it
 * without bringing zod into the browser.
 */
export function displayFileName(raw: string): string {
  const base = raw.split(/[/\\]/).at(-1) ?? '';
  const printable = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return printable.slice(0, 255) || 'unnamed file';
}
