import 'server-only';
import { randomBytes, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { PUBLIC_CACHE_CONTROL, SURROGATE_KEY_HEADER } from '@/lib/public/surrogate-keys';
import { inlineScriptHashes } from '@/server/http/inline-script-hashes.mjs';
import { pageContentSecurityPolicy, servedOverHttpsBy, STRICT_TRANSPORT_SECURITY } from '@/server/http/security-headers';
import { log } from '@/server/log/logger';
import { followPublicChanges } from './follow-public-changes';
import { chosenEncoding, type Encoding, publicCacheKey } from './match-request';
import { type CachedResponse, PublicResponseStore } from './public-response-store';

/** Marks the cache's own request for a fresh copy, which must reach Next. */
const FILL_HEADER = 'x-dateline-cache-fill';
/** What a stored response may carry over from Next's; the cache sets the rest itself. */
const KEPT_HEADERS = ['content-type', 'location', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'link', 'x-robots-tag'];
const CACHEABLE_STATUS = new Set([200, 301, 410]);
const gzipped = promisify(gzip);
const brotlied = promisify(brotliCompress);
/** Longer than any list of ETags a client could honestly hold for one address. */
const MAX_IF_NONE_MATCH = 4096;

export type PublicCacheOptions = {
  /** Where this server itself listens, for the cache's own requests. */
  origin: string;
  maxBytes: number;
};

export type PublicCache = {
  /** Answers the request from the cache and says true, or says false for Next to answer it. */
  serve(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  stats(): { entries: number; bytes: number };
};

/**
 * The public cache in front of Next, in the same process (docs/decisions/017): a reader's request
 * for a public document is answered from memory, compressed in advance, before Next's request
 * handling; on a miss one request per address fetches a fresh copy from Next (the others wait for
 * it), and the copy is kept until a change purges one of its surrogate keys.
 */
export function createPublicCache(options: PublicCacheOptions): PublicCache {
  const store = new PublicResponseStore(options.maxBytes);
  const changes = followPublicChanges();
  const fills = new Map<string, Promise<CachedResponse | null>>();
  const secret = randomBytes(16).toString('hex');
  const catchUp = () =>
    changes.catchUp(
      (keys, change) => store.purge(keys, change),
      (change) => store.clear(change),
    );

  async function fetchFresh(path: string): Promise<CachedResponse | null> {
    catchUp();
    const madeAt = changes.seen;
    const fresh = await fetch(options.origin + path, {
      headers: { [FILL_HEADER]: secret, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'identity' },
      redirect: 'manual',
    });
    const body = Buffer.from(await fresh.arrayBuffer());
    const keys = fresh.headers.get(SURROGATE_KEY_HEADER);
    if (!CACHEABLE_STATUS.has(fresh.status) || !keys || fresh.headers.has('set-cookie')) return null;
    const cached = await prepare(fresh, body, keys.split(' '));
    catchUp();
    return store.put(path, cached, madeAt) ? cached : null;
  }

  function fill(path: string): Promise<CachedResponse | null> {
    let pending = fills.get(path);
    if (!pending) {
      pending = fetchFresh(path)
        .catch((error: unknown) => {
          // Next answers these readers itself, as if there were no cache.
          log.warn({ err: error, path }, 'public cache: fetching a fresh copy failed');
          return null;
        })
        .finally(() => fills.delete(path));
      fills.set(path, pending);
    }
    return pending;
  }

  return {
    async serve(request, response) {
      if (request.headers[FILL_HEADER] === secret) return false;
      const path = publicCacheKey(request.method, request.url, request.headers);
      if (path === null) return false;
      catchUp();
      let cached = store.get(path);
      const state = cached ? 'HIT' : 'MISS';
      cached ??= (await fill(path)) ?? undefined;
      if (!cached) return false;
      send(request, response, cached, state);
      return true;
    },
    stats: () => ({ entries: store.size, bytes: store.bytes }),
  };
}

async function prepare(fresh: Response, body: Buffer, keys: string[]): Promise<CachedResponse> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = fresh.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  // A page rendered for one request carries that request's nonce; every reader gets this copy, so
  // its inline scripts are allowed by their hashes instead.
  if (headers['content-type']?.startsWith('text/html')) headers['content-security-policy'] = pageContentSecurityPolicy(null, inlineScriptHashes(body.toString('utf8')));
  Object.assign(headers, {
    'cache-control': PUBLIC_CACHE_CONTROL,
    'last-modified': new Date().toUTCString(),
    vary: 'Accept-Encoding',
    [SURROGATE_KEY_HEADER]: keys.join(' '),
    // Cloudflare and Akamai's name for the same thing, comma-separated.
    'cache-tag': keys.join(','),
  });
  // Off the event loop, both at once: the readers of cached copies go on being answered meanwhile.
  const [gzipBody, brBody] = await Promise.all([
    gzipped(body, { level: 6 }),
    brotlied(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  const bodies: Record<Encoding, Buffer> = { identity: body, gzip: gzipBody, br: brBody };
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    status: fresh.status,
    headers,
    bodies,
    etags: { identity: `"${digest}"`, gzip: `"${digest}-gz"`, br: `"${digest}-br"` },
    keys,
  };
}

/** RFC 9110 §13.1.2: If-None-Match wins over If-Modified-Since; a list, or `*`, weak comparison. */
function notModified(request: IncomingMessage, cached: CachedResponse): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.length > MAX_IF_NONE_MATCH) return false;
    if (ifNoneMatch.trim() === '*') return true;
    const ours = Object.values(cached.etags);
    return ifNoneMatch.split(',').some((tag) => ours.includes(tag.trim().replace(/^W\//, '')));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && since >= Date.parse(cached.headers['last-modified']!);
}

function send(request: IncomingMessage, response: ServerResponse, cached: CachedResponse, state: 'HIT' | 'MISS'): void {
  const encoding = chosenEncoding(request.headers);
  const headers: Record<string, string | number> = { ...cached.headers, etag: cached.etags[encoding], 'x-cache': state };
  if (servedOverHttpsBy(request.headers['x-forwarded-proto']?.toString())) headers['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
  if (cached.status === 200 && notModified(request, cached)) {
    delete headers['content-type'];
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const body = cached.bodies[encoding];
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  response.writeHead(cached.status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}
