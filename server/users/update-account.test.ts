import { describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/server/auth/verify-credentials';
import { appErrorFrom, appErrorFromAsync } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, TEST_PASSWORD } from '@/tests/factories';
import { findSessionUser } from './queries';
import { changeOwnPassword, renameSelf } from './update-account';

const NEW_PASSWORD = 'tram ink quarry seventeen';
const change = (password = NEW_PASSWORD, currentPassword = TEST_PASSWORD) => ({ currentPassword, password, confirm: password });

describe('renaming oneself', () => {
  it('saves the trimmed name with its audit entry, and keeps hostile text as text', async () => {
    const user = await makeUser('editor', 'Old Name');
    expect(renameSelf(user, { name: '  <b>New</b> "Name" ' })).toEqual({ ...user, name: '<b>New</b> "Name"' });
    expect(findSessionUser(user.id, 1)?.name).toBe('<b>New</b> "Name"');
    expect(auditEntries({ action: 'user.rename', targetId: user.id })).toEqual([
      expect.objectContaining({ actorId: user.id, details: { from: 'Old Name', to: '<b>New</b> "Name"' } }),
    ]);
  });

  it('refuses an empty name or unknown fields', async () => {
    const user = await makeUser('editor');
    expect(appErrorFrom(() => renameSelf(user, { name: '   ' })).details.fields?.name).toEqual(['Enter a name']);
    expect(appErrorFrom(() => renameSelf(user, { name: 'A', role: 'admin' })).code).toBe('INVALID');
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, ends every session, and the new password signs in', async () => {
    const user = await makeUser('copy_editor');
    await changeOwnPassword(user, change());
    expect(findSessionUser(user.id, 1)).toBeNull();
    expect(findSessionUser(user.id, 2)).toEqual(user);
    expect((await verifyCredentials(user.email, NEW_PASSWORD)).ok).toBe(true);
    expect((await verifyCredentials(user.email, TEST_PASSWORD)).ok).toBe(false);
    expect(auditEntries({ action: 'user.change_password', targetId: user.id })).toHaveLength(1);
  });

  it('refuses a wrong current password, a common one, the email and a mismatch, changing nothing', async () => {
    const user = await makeUser('editor');
    const cases = [
      [change(NEW_PASSWORD, 'not my password at all'), 'currentPassword'],
      [change('password1234'), 'password'],
      [change(user.email), 'password'],
      [{ ...change(), confirm: 'something else entirely' }, 'confirm'],
    ] as const;
    for (const [input, field] of cases) {
      const error = await appErrorFromAsync(() => changeOwnPassword(user, input));
      expect(error.code).toBe('INVALID');
      expect(Object.keys(error.details.fields ?? {})).toEqual([field]);
    }
    expect(findSessionUser(user.id, 1)).toEqual(user);
    expect(auditEntries({ action: 'user.change_password', targetId: user.id })).toEqual([]);
  });

  it('counts wrong current passwords towards the sign-in throttle', async () => {
    const user = await makeUser('editor');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await appErrorFromAsync(() => changeOwnPassword(user, change(NEW_PASSWORD, `guess ${attempt}`)))).code).toBe('INVALID');
    }
    const limited = await appErrorFromAsync(() => changeOwnPassword(user, change()));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.message).toBe('Too many attempts, try again in 15 minutes');
  });
});
