import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, userTokens } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { PasswordLinkToken, SetPasswordInput } from '@/lib/validation/people';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import { hashToken, type PasswordLinkPurpose, revokeOpenLinks } from './user-tokens';

/** What the public link page may show: the person's name and email only for a link that works. */
export type PasswordLinkState =
  | { status: 'valid'; purpose: PasswordLinkPurpose; name: string; email: string; expiresAt: string }
  | { status: 'invalid' | 'used' | 'expired' };

export const LINK_REFUSALS = {
  invalid: 'This link is not valid: it may be mistyped, or a newer link has replaced it. Ask an admin for a new one.',
  used: 'This link has already been used. Sign in with your password, or ask an admin for a new link.',
  expired: 'This link has expired. Ask an admin for a new one.',
} as const;

function findLink(token: string) {
  return getDb()
    .select({
      id: userTokens.id,
      purpose: userTokens.purpose,
      expiresAt: userTokens.expiresAt,
      usedAt: userTokens.usedAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(eq(userTokens.tokenHash, hashToken(token)))
    .get();
}

/** Public: anyone holding a link may ask what it is for; a bad link learns nothing about anyone. */
export function readPasswordLink(token: string, now = new Date()): PasswordLinkState {
  if (!PasswordLinkToken.safeParse(token).success) return { status: 'invalid' };
  const link = findLink(token);
  // A disabled account's links were revoked when it was disabled; checked again for safety.
  if (!link || link.disabledAt) return { status: 'invalid' };
  if (link.usedAt) return { status: 'used' };
  if (link.expiresAt <= now) return { status: 'expired' };
  return { status: 'valid', purpose: link.purpose, name: link.name, email: link.email, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Public: the holder of a working link sets the account's password. The link is spent in the same
 * transaction that sets the password, so two tabs submitting at once set it once; every session of
 * the account ends, and the person signs in with the new password.
 */
export async function setPasswordFromLink(raw: unknown, now = new Date()): Promise<{ email: string }> {
  const input = parseInput(SetPasswordInput, raw);
  const state = readPasswordLink(input.token, now);
  if (state.status !== 'valid') throw new AppError(state.status === 'invalid' ? 'NOT_FOUND' : 'CONFLICT', LINK_REFUSALS[state.status]);
  assertAcceptablePassword(input.password, state.email);
  const passwordHash = await hashPassword(input.password);

  return getDb().transaction(
    (tx) => {
      const spent = tx
        .update(userTokens)
        .set({ usedAt: now })
        .where(and(eq(userTokens.tokenHash, hashToken(input.token)), isNull(userTokens.usedAt)))
        .returning({ userId: userTokens.userId })
        .get();
      if (!spent) throw new AppError('CONFLICT', LINK_REFUSALS.used);
      tx.update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, spent.userId))
        .run();
      revokeOpenLinks(tx, spent.userId);
      recordAudit(tx, {
        actorId: spent.userId,
        action: 'user.set_password',
        targetType: 'user',
        targetId: spent.userId,
        details: { link: state.purpose },
      });
      return { email: state.email };
    },
    { behavior: 'immediate' },
  );
}
