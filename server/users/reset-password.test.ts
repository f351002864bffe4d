import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { userTokens } from '@/db/schema';
import { verifyCredentials } from '@/server/auth/verify-credentials';
import { appErrorFromAsync } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, TEST_PASSWORD } from '@/tests/factories';
import { inviteUser } from './invite-user';
import { readPasswordLink, setPasswordFromLink } from './password-links';
import { findSessionUser } from './queries';
import { resetPassword } from './reset-password';
import { setUserDisabled } from './update-user-access';

const NEW_PASSWORD = 'tram ink quarry seventeen';
const T0 = new Date('2026-05-04T09:00:00Z');

describe('resetting a password', () => {
  it('ends the old password and every session at once, and the link sets a new one', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    const link = await resetPassword(admin, editor.id, T0);

    expect(findSessionUser(editor.id, 1)).toBeNull();
    expect((await verifyCredentials(editor.email, TEST_PASSWORD)).ok).toBe(false);
    expect(readPasswordLink(link.token, T0)).toMatchObject({ status: 'valid', purpose: 'reset' });
    expect(auditEntries({ action: 'user.reset_password', targetId: editor.id })).toEqual([
      expect.objectContaining({ actorId: admin.id, details: { link: 'reset' } }),
    ]);

    await setPasswordFromLink({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, T0);
    expect((await verifyCredentials(editor.email, NEW_PASSWORD)).ok).toBe(true);
  });

  it('replaces the previous link: only the newest works', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    const first = await resetPassword(admin, editor.id, T0);
    const second = await resetPassword(admin, editor.id, T0);
    expect(readPasswordLink(first.token, T0).status).toBe('invalid');
    expect(readPasswordLink(second.token, T0).status).toBe('valid');
    expect(getDb().select().from(userTokens).where(eq(userTokens.userId, editor.id)).all()).toHaveLength(1);
  });

  it('gives someone who never accepted their invite a fresh invite', async () => {
    const admin = await makeUser('admin');
    const { user } = await inviteUser(admin, { name: 'Late Comer', email: 'late@paper.org', role: 'editor' }, T0);
    const link = await resetPassword(admin, user.id, T0);
    expect(readPasswordLink(link.token, T0)).toMatchObject({ status: 'valid', purpose: 'invite' });
  });

  it('a link spent by two tabs at once sets the password once', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    const link = await resetPassword(admin, editor.id, T0);
    const results = await Promise.allSettled(
      ['first tab passphrase', 'second tab passphrase'].map((password) => setPasswordFromLink({ token: link.token, password, confirm: password }, T0)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(auditEntries({ action: 'user.set_password', targetId: editor.id })).toHaveLength(1);
  });

  it('refuses non-admins, the admin’s own account, a disabled account and an unknown user', async () => {
    const admin = await makeUser('admin');
    const copy = await makeUser('copy_editor');
    const target = await makeUser('editor');
    expect((await appErrorFromAsync(() => resetPassword(copy, target.id))).code).toBe('FORBIDDEN');
    expect((await appErrorFromAsync(() => resetPassword(admin, admin.id))).code).toBe('FORBIDDEN');
    expect((await appErrorFromAsync(() => resetPassword(admin, 999_999))).code).toBe('NOT_FOUND');
    setUserDisabled(admin, target.id, true);
    expect((await appErrorFromAsync(() => resetPassword(admin, target.id))).code).toBe('CONFLICT');
    expect(getDb().select().from(userTokens).where(eq(userTokens.userId, target.id)).all()).toEqual([]);
  });
});
