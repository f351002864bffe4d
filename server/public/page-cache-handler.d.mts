/** Next.js's cache handler interface, as much of it as the page cache implements. */
export default class PageCacheHandler {
  get(key: string): Promise<{ lastModified: number; value: unknown; cacheControl: unknown } | null>;
  set(key: string, value: unknown, context?: { cacheControl?: unknown }): Promise<void>;
  revalidateTag(): Promise<void>;
  resetRequestCache(): void;
}
