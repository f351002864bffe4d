import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return-path';

describe('safeReturnPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnPath('/desk/articles/3')).toBe('/desk/articles/3');
    expect(safeReturnPath('/desk?status=in_review&cursor=abc')).toBe('/desk?status=in_review&cursor=abc');
    expect(safeReturnPath('/desk/articles/3#revisions')).toBe('/desk/articles/3#revisions');
    expect(safeReturnPath('/')).toBe('/');
  });

  it.each([
    ['protocol-relative', '//evil.com'],
    ['protocol-relative with a path', '//evil.com/desk'],
    ['absolute URL', 'https://evil.com'],
    ['absolute URL to a path', 'https://evil.com/desk'],
    ['backslash', '/\\evil.com'],
    ['backslash after a slash', '/\\/evil.com'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['relative path', 'desk'],
    ['empty string', ''],
    ['tab the browser strips', '/\t/evil.com'],
    ['newline the browser strips', '/\n/evil.com'],
    ['carriage return the browser strips', '/\r/evil.com'],
    ['tab before a backslash', '/\t\\evil.com'],
  ])('falls back for a %s (%j)', (_label, raw) => {
    expect(safeReturnPath(raw)).toBe('/desk');
  });

  it('falls back for anything that is not a string', () => {
    for (const raw of [undefined, null, 42, ['/desk/articles/3'], { href: '/x' }, new URL('https://evil.com')]) {
      expect(safeReturnPath(raw)).toBe('/desk');
    }
  });

  it('returns the path as a browser would read it', () => {
    expect(safeReturnPath('/desk/../admin')).toBe('/admin');
    expect(safeReturnPath('/desk/a b')).toBe('/desk/a%20b');
    expect(safeReturnPath('/desk\\articles/3')).toBe('/desk/articles/3');
  });

  it('uses the given fallback', () => {
    expect(safeReturnPath('//evil.com', '/admin')).toBe('/admin');
  });
});
