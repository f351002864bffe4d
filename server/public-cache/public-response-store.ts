import { LRUCache } from 'lru-cache';
import type { Encoding } from './match-request';

/** One public response as the cache keeps it: compressed once, its headers prepared once. */
export type CachedResponse = {
  status: number;
  /** Everything but the encoding-specific headers (content-encoding, content-length, etag). */
  headers: Record<string, string>;
  bodies: Record<Encoding, Buffer>;
  /** A strong validator per stored representation: each encoding is its own sequence of bytes. */
  etags: Record<Encoding, string>;
  keys: string[];
};

const sizeOf = (response: CachedResponse) => response.bodies.identity.length + response.bodies.gzip.length + response.bodies.br.length + 1024;

/**
 * The cached public responses, bounded in bytes (the least recently read go first), with an index
 * from each surrogate key to the responses that carry it, so a change drops exactly those.
 */
export class PublicResponseStore {
  private readonly responses: LRUCache<string, CachedResponse>;
  private readonly byKey = new Map<string, Set<string>>();
  /** The change (public_changes.id) that last purged each key: a response made before it is not kept. */
  private readonly purgedAt = new LRUCache<string, number>({ max: 100_000 });
  private clearedAt = 0;

  constructor(maxBytes: number) {
    this.responses = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: sizeOf,
      dispose: (response, path) => this.unindex(path, response.keys),
    });
  }

  get(path: string): CachedResponse | undefined {
    return this.responses.get(path);
  }

  /**
   * Keeps a response made from what the database held at change `madeAt`, unless a change since
   * then purged one of its keys (it may show what that change altered). Says whether it was kept.
   */
  put(path: string, response: CachedResponse, madeAt: number): boolean {
    if (this.clearedAt > madeAt || response.keys.some((key) => (this.purgedAt.get(key) ?? 0) > madeAt)) return false;
    this.responses.set(path, response);
    if (!this.responses.has(path)) return false;
    for (const key of response.keys) {
      let paths = this.byKey.get(key);
      if (!paths) this.byKey.set(key, (paths = new Set()));
      paths.add(path);
    }
    return true;
  }

  purge(keys: readonly string[], change: number): void {
    for (const key of keys) {
      this.purgedAt.set(key, change);
      for (const path of this.byKey.get(key) ?? []) this.responses.delete(path);
    }
  }

  clear(change: number): void {
    this.clearedAt = change;
    this.responses.clear();
  }

  get bytes(): number {
    return this.responses.calculatedSize;
  }

  get size(): number {
    return this.responses.size;
  }

  private unindex(path: string, keys: readonly string[]): void {
    for (const key of keys) {
      const paths = this.byKey.get(key);
      paths?.delete(path);
      if (paths?.size === 0) this.byKey.delete(key);
    }
  }
}
