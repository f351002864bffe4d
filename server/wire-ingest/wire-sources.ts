import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, wireSources } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { WireSourceInput } from '@/lib/validation/wire';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { log } from '@/server/log/logger';
import { assertCan } from '@/server/policy';
import { findActiveUser } from '@/server/users/queries';
import { hashToken } from '@/server/users/user-tokens';
import type { IngestSender } from './ingest-item';

export type WireSourceView = {
  id: number;
  name: string;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** An agency's ingest token as the admin passes it on: shown this once, stored only as its hash. */
export type IssuedIngestToken = { sourceId: number; name: string; token: string };

const TOKEN_PREFIX = 'dlw_';

export function createWireSource(admin: SessionUser, raw: unknown, now = new Date()): IssuedIngestToken {
  assertCan(admin, 'wire:manage');
  const { name } = parseInput(WireSourceInput, raw);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return getDb().transaction(
    (tx) => {
      const { id } = tx.insert(wireSources).values({ name, tokenHash: hashToken(token), createdBy: admin.id, createdAt: now }).returning({ id: wireSources.id }).get();
      recordAudit(tx, { actorId: admin.id, action: 'wire.source_create', targetType: 'wire_source', targetId: id, details: { name } });
      return { sourceId: id, name, token };
    },
    { behavior: 'immediate' },
  );
}

/** Revoking takes effect on the source's next request; its items stay on the wire. */
export function revokeWireSource(admin: SessionUser, sourceId: number, now = new Date()): void {
  assertCan(admin, 'wire:manage');
  getDb().transaction(
    (tx) => {
      const source = tx.select({ name: wireSources.name, revokedAt: wireSources.revokedAt }).from(wireSources).where(eq(wireSources.id, sourceId)).get();
      if (!source) throw new AppError('NOT_FOUND', 'There is no such wire source.');
      if (source.revokedAt) return;
      tx.update(wireSources).set({ revokedAt: now }).where(eq(wireSources.id, sourceId)).run();
      recordAudit(tx, { actorId: admin.id, action: 'wire.source_revoke', targetType: 'wire_source', targetId: sourceId, details: { name: source.name } });
    },
    { behavior: 'immediate' },
  );
}

export function listWireSources(admin: SessionUser): WireSourceView[] {
  assertCan(admin, 'wire:manage');
  return getDb()
    .select({
      id: wireSources.id,
      name: wireSources.name,
      createdByName: users.name,
      createdAt: wireSources.createdAt,
      lastUsedAt: wireSources.lastUsedAt,
      revokedAt: wireSources.revokedAt,
    })
    .from(wireSources)
    .innerJoin(users, eq(users.id, wireSources.createdBy))
    .orderBy(desc(wireSources.createdAt), desc(wireSources.id))
    .all()
    .map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    }));
}

const REFUSED = 'The ingest token is missing, unknown or revoked. Ask the newsroom’s admin for a token.';

/**
 * The sender a `Bearer` token stands for, its last use stamped; UNAUTHENTICATED for a missing,
 * unknown or revoked token (one message for all, so a caller learns nothing about which).
 */
export function authenticateWireSource(authorization: string | null, now = new Date()): IngestSender {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  const source = token
    ? getDb()
        .select({ id: wireSources.id, createdBy: wireSources.createdBy })
        .from(wireSources)
        .where(and(eq(wireSources.tokenHash, hashToken(token)), isNull(wireSources.revokedAt)))
        .get()
    : undefined;
  if (!source) {
    log.warn({ tokenGiven: token !== undefined }, 'wire ingest refused: unknown or revoked token');
    throw new AppError('UNAUTHENTICATED', REFUSED);
  }
  const uploader = findActiveUser(source.createdBy);
  if (!uploader) {
    log.warn({ sourceId: source.id }, 'wire ingest refused: the source’s admin is disabled');
    throw new AppError('FORBIDDEN', 'The admin who made this ingest token no longer has an account; ask for a new token.');
  }
  getDb().update(wireSources).set({ lastUsedAt: now }).where(eq(wireSources.id, source.id)).run();
  return { sourceId: source.id, uploader };
}
