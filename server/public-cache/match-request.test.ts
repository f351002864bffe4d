import { describe, expect, it } from 'vitest';
import { chosenEncoding, publicCacheKey } from './match-request';

describe('which requests the public cache answers', () => {
  it('keys a reader’s request for a public document by its path alone', () => {
    expect(publicCacheKey('GET', '/', {})).toBe('/');
    expect(publicCacheKey('GET', '/news/storm-hits-coast?utm_source=social&x=<script>', {})).toBe('/news/storm-hits-coast');
    expect(publicCacheKey('HEAD', '/feed.xml', {})).toBe('/feed.xml');
    expect(publicCacheKey('GET', '/api/v1/articles/storm-hits-coast/ninjs', {})).toBe('/api/v1/articles/storm-hits-coast/ninjs');
    expect(publicCacheKey('GET', '/sitemaps/2.xml', {})).toBe('/sitemaps/2.xml');
    // A list's older pages are addressed in the path, since the query string is no part of the key.
    for (const path of ['/section/world', '/section/world/before/123', '/tag/port-strike/feed.xml', '/author/ana-lima/atom.xml', '/news/strike-live/feed.xml', '/news/strike-live/atom.xml', '/news/storm/changes', '/news/storm/changes/before/12', '/news/storm/changes.atom', '/news/storm/changes.json']) {
      expect(publicCacheKey('GET', `${path}?page=2`, {})).toBe(path);
    }
  });

  it('leaves to Next what is not a public document or not asked for by an anonymous reader', () => {
    expect(publicCacheKey('POST', '/', {})).toBeNull();
    expect(publicCacheKey('GET', '/desk', {})).toBeNull();
    expect(publicCacheKey('GET', '/api/articles/1', {})).toBeNull();
    expect(publicCacheKey('GET', '/news/a%2Fb', {})).toBeNull();
    expect(publicCacheKey('GET', '/news/a/b', {})).toBeNull();
    expect(publicCacheKey('GET', '/news/a/feed.json', {})).toBeNull();
    expect(publicCacheKey('GET', '/news/a/changes/before/x', {})).toBeNull();
    expect(publicCacheKey('GET', '/news/a/changes/12', {})).toBeNull();
    // A live story's readers each hold their own stream, resumed from their own event.
    expect(publicCacheKey('GET', '/live/12/events', {})).toBeNull();
    expect(publicCacheKey('GET', '/live/12/events?after=40', { 'last-event-id': '41' })).toBeNull();
    expect(publicCacheKey('GET', '/news/Storm', {})).toBeNull();
    expect(publicCacheKey('GET', '/section/world/before/x', {})).toBeNull();
    expect(publicCacheKey('GET', '/desk/section/world', {})).toBeNull();
    expect(publicCacheKey('GET', '/news/storm', { cookie: 'theme=dark; authjs.session-token=abc' })).toBeNull();
    expect(publicCacheKey('GET', '/news/storm', { cookie: '__Secure-authjs.session-token.0=abc' })).toBeNull();
    expect(publicCacheKey('GET', '/news/storm', { authorization: 'Bearer x' })).toBeNull();
    expect(publicCacheKey('GET', '/news/storm?_rsc=1x2y', { rsc: '1' })).toBeNull();
    expect(publicCacheKey('GET', '/', { 'next-router-prefetch': '1' })).toBeNull();
    // A reader's other cookies (a consent banner's, say) do not make the page theirs.
    expect(publicCacheKey('GET', '/', { cookie: 'consent=yes' })).toBe('/');
  });
});

describe('the encoding a reader gets', () => {
  it('is brotli for a browser, whatever order it names them in', () => {
    expect(chosenEncoding({ 'accept-encoding': 'gzip, deflate, br, zstd' })).toBe('br');
  });

  it('follows q-values, and refusals', () => {
    expect(chosenEncoding({ 'accept-encoding': 'br;q=0.5, gzip' })).toBe('gzip');
    expect(chosenEncoding({ 'accept-encoding': 'br;q=0, gzip;q=0' })).toBe('identity');
    expect(chosenEncoding({ 'accept-encoding': 'gzip' })).toBe('gzip');
  });

  it('is the plain body for none, an unknown one, or nonsense', () => {
    expect(chosenEncoding({})).toBe('identity');
    expect(chosenEncoding({ 'accept-encoding': 'x-compress-2000' })).toBe('identity');
    expect(chosenEncoding({ 'accept-encoding': ';;;q=abc,,' })).toBe('identity');
  });
});
