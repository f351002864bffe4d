import { describe, expect, it } from 'vitest';
import { SitemapFileName } from './sitemap';

describe('SitemapFileName', () => {
  it('reads a child sitemap’s file name as its number', () => {
    expect(SitemapFileName.parse('1.xml')).toBe(1);
    expect(SitemapFileName.parse('12.xml')).toBe(12);
  });

  it('refuses anything else, so it is 404 rather than another address for the same sitemap', () => {
    for (const name of ['0.xml', '01.xml', '-1.xml', '1e3.xml', '1.5.xml', '1', '1.xml.gz', 'x.xml', '1234567890.xml', '']) {
      expect(SitemapFileName.safeParse(name).success, name).toBe(false);
    }
  });
});
