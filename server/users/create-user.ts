import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { type CreateUserInput, CreateUserInput as CreateUserSchema } from '@/lib/validation/user';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { type Actor, actorId, assertCan } from '@/server/policy';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';

/** Creates a user from the shell, start-up or the demo seed, with the password they were given. */
export async function createUser(actor: Actor, raw: CreateUserInput): Promise<SessionUser> {
  assertCan(actor, 'user:manage');
  const input = parseInput(CreateUserSchema, raw);
  assertAcceptablePassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction((tx) => insertUser(tx, actor, input, passwordHash), { behavior: 'immediate' });
}

/** The row and its `user.create` entry, refusing a taken email: shared by creating and inviting. */
export function insertUser(
  tx: Tx,
  actor: Actor,
  input: Pick<CreateUserInput, 'email' | 'name' | 'role'>,
  passwordHash: string,
  details: Record<string, unknown> = {},
): SessionUser {
  const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
  if (taken) {
    throw new AppError('CONFLICT', 'A user with that email already exists.', {
      fields: { email: ['A user with that email already exists'] },
    });
  }
  const user = tx
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role })
    .get();
  recordAudit(tx, {
    actorId: actorId(actor),
    action: 'user.create',
    targetType: 'user',
    targetId: user.id,
    details: { email: user.email, role: user.role, ...details },
  });
  return user;
}
