import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Db, getDb, preparedQuery, type Tx } from '@/db/client';
import { publicSite } from '@/db/schema';

/**
 * Marks, inside the transaction that makes it, a change the reading public can see: cached public
 * pages rendered before it are no longer served (see `page-cache-handler.mjs`).
 */
export function bumpPublicVersion(tx: Tx): void {
  tx.insert(publicSite)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: publicSite.id, set: { version: sql`${publicSite.version} + 1` } })
    .run();
}

const versionQuery = preparedQuery((db) => db.select({ version: publicSite.version }).from(publicSite).where(eq(publicSite.id, 1)).prepare());

/** The public site's current version; read on every cached page served, so prepared once. */
export function currentPublicVersion(db: Db = getDb()): number {
  return versionQuery(db).get()?.version ?? 0;
}

/** Where the page cache handler, which Next loads outside the app's bundles, finds the version. */
export const PUBLIC_VERSION_HOOK = Symbol.for('dateline.publicVersion');

/** Called once at start-up: from then on cached pages are checked against the database. */
export function installPublicVersionHook(): void {
  (globalThis as Record<symbol, unknown>)[PUBLIC_VERSION_HOOK] = () => currentPublicVersion();
}
