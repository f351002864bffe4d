import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { userTokens } from '@/db/schema';
import { passwordLinkPath } from '@/lib/people';
import { queuePasswordLinkMail } from '@/server/mail/queue-mail';

/** How long an invite or reset link works: a long weekend, for a link passed on by hand. */
export const PASSWORD_LINK_HOURS = 72;

export type PasswordLinkPurpose = (typeof userTokens.$inferSelect)['purpose'];

/**
 * A freshly issued link's secret part: shown to the admin once, stored only as its hash, and
 * mailed to the person when mail is on (`mailed`).
 */
export type IssuedPasswordLink = { token: string; expiresAt: string; mailed: boolean };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Deletes the person's links that were never used, so only the newest one ever works. */
export function revokeOpenLinks(tx: Tx, userId: number): void {
  tx.delete(userTokens)
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)))
    .run();
}

/** Issues a one-time link for the person, replacing any open one. */
export function issuePasswordLink(
  tx: Tx,
  link: { userId: number; purpose: PasswordLinkPurpose; createdBy: number | null; now: Date },
): IssuedPasswordLink {
  revokeOpenLinks(tx, link.userId);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(link.now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  tx.insert(userTokens)
    .values({
      userId: link.userId,
      purpose: link.purpose,
      tokenHash: hashToken(token),
      createdBy: link.createdBy,
      createdAt: link.now,
      expiresAt,
    })
    .run();
  const mailed = queuePasswordLinkMail(
    tx,
    { userId: link.userId, purpose: link.purpose, createdBy: link.createdBy, path: passwordLinkPath(token), expiresAt },
    link.now,
  );
  return { token, expiresAt: expiresAt.toISOString(), mailed };
}
