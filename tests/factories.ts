/** Builders for integration tests: real rows through the real domain functions. */
import { randomUUID } from 'node:crypto';
import type { Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';

export const TEST_PASSWORD = 'correct horse battery staple';

export function makeUser(role: Role, name = `Test ${role}`): Promise<SessionUser> {
  return createUser(SYSTEM, { email: `${role}-${randomUUID()}@test.example`, name, role, password: TEST_PASSWORD });
}
