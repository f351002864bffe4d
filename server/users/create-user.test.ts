import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { appErrorFromAsync } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, TEST_PASSWORD } from '@/tests/factories';
import { SYSTEM } from '@/server/policy';
import { createUser } from './create-user';

function rowsWithEmail(email: string) {
  return getDb().select().from(users).where(eq(users.email, email)).all();
}

describe('createUser', () => {
  it('creates the user with a lower-cased email and never hands back the hash', async () => {
    const user = await createUser(SYSTEM, {
      email: '  Mixed.Case@Example.ORG ',
      name: '  Morgan Writer ',
      role: 'editor',
      password: TEST_PASSWORD,
    });
    expect(user).toEqual({ id: expect.any(Number), email: 'mixed.case@example.org', name: 'Morgan Writer', role: 'editor' });
    expect(Object.keys(user).sort()).toEqual(['email', 'id', 'name', 'role']);

    const [row] = rowsWithEmail('mixed.case@example.org');
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
    expect(row).toMatchObject({ sessionVersion: 1, disabledAt: null });
  });

  it('audits user.create with a null actor for the system', async () => {
    const user = await createUser(SYSTEM, { email: 'system-made@example.org', name: 'Sys', role: 'copy_editor', password: TEST_PASSWORD });
    expect(auditEntries({ targetId: user.id })).toEqual([
      {
        actorId: null,
        action: 'user.create',
        targetType: 'user',
        targetId: String(user.id),
        details: { email: 'system-made@example.org', role: 'copy_editor' },
      },
    ]);
  });

  it('lets an admin create users, audited under the admin', async () => {
    const admin = await makeUser('admin');
    const user = await createUser(admin, { email: 'by-admin@example.org', name: 'New Hire', role: 'admin', password: TEST_PASSWORD });
    expect(user.role).toBe('admin');
    expect(auditEntries({ targetId: user.id })).toEqual([
      {
        actorId: admin.id,
        action: 'user.create',
        targetType: 'user',
        targetId: String(user.id),
        details: { email: 'by-admin@example.org', role: 'admin' },
      },
    ]);
  });

  it('refuses a duplicate email, whatever its case, with a field error (CONFLICT)', async () => {
    await createUser(SYSTEM, { email: 'taken@example.org', name: 'First', role: 'editor', password: TEST_PASSWORD });
    const error = await appErrorFromAsync(() =>
      createUser(SYSTEM, { email: 'Taken@Example.org', name: 'Second', role: 'editor', password: TEST_PASSWORD }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    expect(error.details.fields?.email).toEqual(['A user with that email already exists']);
    expect(rowsWithEmail('taken@example.org').map((r) => r.name)).toEqual(['First']);
  });

  it('refuses a short password with a field error (INVALID), creating nothing', async () => {
    const error = await appErrorFromAsync(() =>
      createUser(SYSTEM, { email: 'short@example.org', name: 'Short', role: 'editor', password: 'elevenchars' }),
    );
    expect(error.code).toBe('INVALID');
    expect(error.details.fields?.password).toEqual(['Password must be at least 12 characters']);
    expect(rowsWithEmail('short@example.org')).toEqual([]);
  });

  it('refuses a bad email and an unknown role with field errors', async () => {
    const error = await appErrorFromAsync(() =>
      createUser(SYSTEM, { email: 'not-an-email', name: '', role: 'chief' as 'admin', password: TEST_PASSWORD }),
    );
    expect(error.code).toBe('INVALID');
    expect(Object.keys(error.details.fields ?? {}).sort()).toEqual(['email', 'name', 'role']);
  });

  it('refuses editors and copy editors (FORBIDDEN), creating nothing', async () => {
    for (const role of ['editor', 'copy_editor'] as const) {
      const actor = await makeUser(role);
      const error = await appErrorFromAsync(() =>
        createUser(actor, { email: `made-by-${role}@example.org`, name: 'Nope', role: 'admin', password: TEST_PASSWORD }),
      );
      expect(error.code).toBe('FORBIDDEN');
      expect(rowsWithEmail(`made-by-${role}@example.org`)).toEqual([]);
    }
  });
});
