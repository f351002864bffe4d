import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { mailPreferences } from '@/db/schema';
import { DEFAULT_MAIL_DELIVERY, MAIL_KINDS } from '@/lib/mail/mail-kinds';
import type { SessionUser } from '@/lib/session-user';
import { MailPreferencesInput } from '@/lib/validation/mail-preferences';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';

/** The person's own choices, a kind they never chose at its default. */
export function listMailPreferences(user: SessionUser): MailPreferencesInput {
  const chosen = new Map(
    getDb()
      .select({ kind: mailPreferences.kind, delivery: mailPreferences.delivery })
      .from(mailPreferences)
      .where(eq(mailPreferences.userId, user.id))
      .all()
      .map((row) => [row.kind, row.delivery]),
  );
  return Object.fromEntries(MAIL_KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_MAIL_DELIVERY])) as MailPreferencesInput;
}

/**
 * A person chooses, for each kind, at once, a daily digest, or nothing; only for themselves. It
 * applies to what is queued from now on: mail already waiting for a digest still goes in it.
 */
export function saveMailPreferences(user: SessionUser, raw: unknown): MailPreferencesInput {
  const input = parseInput(MailPreferencesInput, raw);
  getDb().transaction(
    (tx) => {
      for (const kind of MAIL_KINDS) {
        tx.insert(mailPreferences)
          .values({ userId: user.id, kind, delivery: input[kind] })
          .onConflictDoUpdate({ target: [mailPreferences.userId, mailPreferences.kind], set: { delivery: input[kind] } })
          .run();
      }
      recordAudit(tx, { actorId: user.id, action: 'user.mail_preferences', targetType: 'user', targetId: user.id, details: input });
    },
    { behavior: 'immediate' },
  );
  return input;
}
