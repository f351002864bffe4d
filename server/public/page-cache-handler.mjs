// @ts-check
/**
 * Next.js's cache for rendered public pages (next.config.js `cacheHandler`), kept in memory and
 * checked against the public site's version (`public-version.ts`) on every read: a publish,
 * update, withdrawal or address change anywhere makes every page rendered before it a miss, so
 * the next reader gets a fresh render. It works the same when the scheduler publishes outside any
 * request, where Next's revalidatePath cannot be called, and it is correct with several server
 * processes, since the version lives in the database. Next loads this file itself, outside the
 * app's bundles; the app hands it the version reader through a global at start-up.
 */
import { LRUCache } from 'lru-cache';
import { inlineScriptHashes } from '../http/inline-script-hashes.mjs';

const VERSION_HOOK = Symbol.for('dateline.publicVersion');
const SCRIPT_HASHES = Symbol.for('dateline.pageScriptHashes');

/** @returns {number} */
function publicVersion() {
  const read = /** @type {Record<symbol, unknown>} */ (globalThis)[VERSION_HOOK];
  // Before start-up has installed it (during `next build`), nothing is kept past the process.
  return typeof read === 'function' ? read() : 0;
}

// A few hundred stories' pages (HTML plus React's payload, ~50–100 kB each) at most.
/** @type {LRUCache<string, { version: number; lastModified: number; value: unknown; cacheControl: unknown }>} */
const entries = new LRUCache({ max: 500 });
/**
 * The version each key was looked up at. Next renders between a missed (or stale) get and its set;
 * an entry is stored under the version seen before its render began, so a publish that lands
 * mid-render leaves it already out of date instead of caching old content as new.
 */
/** @type {LRUCache<string, number>} */
const versionAtLookup = new LRUCache({ max: 1000 });

/**
 * The CSP hashes ('sha256-…') of the inline scripts (React's payload, Next's bootstrap) of the
 * latest render of each page, by path: a cached page cannot carry the nonce of the request it is
 * sent to, so proxy.ts allows these instead (docs/decisions/013-security-headers-and-csp.md). On
 * globalThis, not in this module: Next bundles a second copy of this file into the proxy's code,
 * and both must share one index.
 * @type {LRUCache<string, string[]>}
 */
const scriptHashesByPath = (/** @type {Record<symbol, LRUCache<string, string[]> | undefined>} */ (globalThis)[SCRIPT_HASHES] ??= new LRUCache({ max: 1000 }));

/**
 * Next's keys are `/route-cache/<kind>/<route hash>/$<path>` (next/dist/server/lib/route-cache-key.js).
 * @param {string} key
 */
function pagePath(key) {
  const at = key.indexOf('/$/');
  return at === -1 ? key : key.slice(at + 2);
}

/** @param {string} key @param {unknown} value */
function indexScriptHashes(key, value) {
  const html = /** @type {{ html?: unknown }} */ (value).html;
  if (typeof html !== 'string') return;
  scriptHashesByPath.set(pagePath(key), inlineScriptHashes(html));
}

export default class PageCacheHandler {
  /** @param {string} key */
  async get(key) {
    const version = publicVersion();
    versionAtLookup.set(key, version);
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.version !== version) {
      entries.delete(key);
      return null;
    }
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  /** @param {string} key @param {unknown} value @param {{ cacheControl?: unknown }} [context] */
  async set(key, value, context) {
    if (value === null) {
      entries.delete(key);
      return;
    }
    indexScriptHashes(key, value);
    entries.set(key, {
      version: versionAtLookup.get(key) ?? publicVersion(),
      lastModified: Date.now(),
      value,
      cacheControl: context?.cacheControl,
    });
  }

  // Only Next's own revalidatePath/revalidateTag reach here; dropping everything is always correct.
  async revalidateTag() {
    entries.clear();
  }

  resetRequestCache() {}
}
