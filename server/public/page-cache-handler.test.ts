import { afterEach, describe, expect, it } from 'vitest';
import PageCacheHandler from './page-cache-handler.mjs';
import { PUBLIC_VERSION_HOOK } from './public-version';

let version = 0;
(globalThis as Record<symbol, unknown>)[PUBLIC_VERSION_HOOK] = () => version;

const page = (html: string) => ({ kind: 'APP_PAGE', html, status: 200 });
const cacheControl = { revalidate: 60, expire: undefined };

afterEach(async () => {
  await new PageCacheHandler().revalidateTag();
});

describe('the public page cache', () => {
  it('serves a rendered page until the public site changes, then renders afresh', async () => {
    const cache = new PageCacheHandler();
    expect(await cache.get('/news/a')).toBeNull();
    await cache.set('/news/a', page('<h1>A</h1>'), { cacheControl });
    // Next makes a handler per request: the pages are the process's, not the instance's.
    expect(await new PageCacheHandler().get('/news/a')).toMatchObject({ value: page('<h1>A</h1>'), cacheControl });
    version += 1;
    expect(await cache.get('/news/a')).toBeNull();
  });

  it('does not keep a page as current when a publish lands while it renders', async () => {
    const cache = new PageCacheHandler();
    expect(await cache.get('/news/b')).toBeNull();
    version += 1; // published mid-render: the page was rendered from the data before
    await cache.set('/news/b', page('<h1>old B</h1>'), { cacheControl });
    expect(await cache.get('/news/b')).toBeNull();
    await cache.set('/news/b', page('<h1>new B</h1>'), { cacheControl });
    expect(await cache.get('/news/b')).toMatchObject({ value: page('<h1>new B</h1>') });
  });

  it('forgets everything when Next revalidates anything, and a null value', async () => {
    const cache = new PageCacheHandler();
    await cache.get('/news/c');
    await cache.set('/news/c', page('C'), { cacheControl });
    await cache.set('/news/c', null);
    expect(await cache.get('/news/c')).toBeNull();
    await cache.set('/news/c', page('C'), { cacheControl });
    await cache.revalidateTag();
    expect(await cache.get('/news/c')).toBeNull();
  });
});
