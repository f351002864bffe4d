import 'server-only';
import { getDb } from '@/db/client';
import type { SessionUser } from '@/lib/session-user';
import { InviteUserInput } from '@/lib/validation/people';
import { parseInput } from '@/lib/validation/parse-input';
import { assertCan } from '@/server/policy';
import { insertUser } from './create-user';
import { unusablePasswordHash } from './password';
import { type IssuedPasswordLink, issuePasswordLink } from './user-tokens';

/**
 * An admin adds a person without choosing their password: the account gets one nobody knows, and
 * the invite link (emailed to the person when mail is on, and shown to the admin once, to pass on)
 * lets the person set their own.
 */
export async function inviteUser(
  actor: SessionUser,
  /** Untrusted: the form's fields as sent, parsed here. */
  raw: unknown,
  now = new Date(),
): Promise<{ user: SessionUser; link: IssuedPasswordLink }> {
  assertCan(actor, 'user:manage');
  const input = parseInput(InviteUserInput, raw);
  const passwordHash = await unusablePasswordHash();
  return getDb().transaction(
    (tx) => {
      const user = insertUser(tx, actor, input, passwordHash, { invited: true });
      const link = issuePasswordLink(tx, { userId: user.id, purpose: 'invite', createdBy: actor.id, now });
      return { user, link };
    },
    { behavior: 'immediate' },
  );
}
