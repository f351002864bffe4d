import { describe, expect, it } from 'vitest';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser } from '@/tests/factories';
import { countAdmins, findSessionUser, isAccountDisabled, listUserNames, listUsers } from './queries';
import { setUserDisabled } from './update-user-access';

describe('findSessionUser', () => {
  it('returns only the public columns for a current session', async () => {
    const user = await makeUser('editor', 'Sam Session');
    const found = findSessionUser(user.id, 1);
    expect(found).toEqual({ id: user.id, email: user.email, name: 'Sam Session', role: 'editor' });
    expect(Object.keys(found ?? {}).sort()).toEqual(['email', 'id', 'name', 'role']);
  });

  it('refuses an unknown user or a version that never existed', async () => {
    const user = await makeUser('editor');
    expect(findSessionUser(999_999, 1)).toBeNull();
    expect(findSessionUser(user.id, 0)).toBeNull();
    expect(findSessionUser(user.id, 2)).toBeNull();
  });
});

describe('listUsers and countAdmins', () => {
  it('lists users for admins without password hashes, and counts only active admins', async () => {
    const admin = await makeUser('admin', 'Alice Admin');
    const second = await makeUser('admin', 'Bob Admin');
    const before = countAdmins();
    setUserDisabled(admin, second.id, true);
    expect(countAdmins()).toBe(before - 1);

    const listed = listUsers(admin);
    expect(JSON.stringify(listed)).not.toMatch(/argon2|passwordHash/);
    expect(listed.find((u) => u.id === second.id)).toMatchObject({ name: 'Bob Admin', status: 'disabled', lastLoginAt: null });
    expect(listed.find((u) => u.id === admin.id)).toMatchObject({ status: 'active' });
    expect(isAccountDisabled(second.id)).toBe(true);
    expect(isAccountDisabled(admin.id)).toBe(false);
    expect(isAccountDisabled(999_999)).toBe(false);
  });

  it('refuses to list users, or their names for the audit filter, to a non-admin', async () => {
    const editor = await makeUser('editor');
    expect(appErrorFrom(() => listUsers(editor)).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => listUserNames(editor)).code).toBe('FORBIDDEN');
  });
});
