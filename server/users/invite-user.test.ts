import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users, userTokens } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { verifyCredentials } from '@/server/auth/verify-credentials';
import { appErrorFromAsync } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { inviteUser } from './invite-user';
import { LINK_REFUSALS, readPasswordLink, setPasswordFromLink } from './password-links';
import { findSessionUser, listUsers } from './queries';
import { setUserDisabled } from './update-user-access';
import { hashToken } from './user-tokens';

const T0 = new Date('2026-05-04T09:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const NEW_PASSWORD = 'tram ink quarry seventeen';

let admin: SessionUser;
beforeAll(async () => {
  admin = await makeUser('admin', 'Ada Admin');
});

let sequence = 0;
function invite(role = 'copy_editor', name = 'Cleo Copy') {
  sequence += 1;
  return inviteUser(admin, { name, email: `invitee-${sequence}@paper.org`, role }, T0);
}

describe('inviting a user', () => {
  it('creates the account with no known password and a 72-hour link stored only as its hash', async () => {
    const { user, link } = await invite();
    expect(user).toMatchObject({ name: 'Cleo Copy', role: 'copy_editor' });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toBe(hours(72).toISOString());

    const stored = getDb().select().from(userTokens).where(eq(userTokens.userId, user.id)).all();
    expect(stored).toEqual([expect.objectContaining({ purpose: 'invite', tokenHash: hashToken(link.token), createdBy: admin.id, usedAt: null })]);
    expect(JSON.stringify(stored)).not.toContain(link.token);
    expect((await verifyCredentials(user.email, '')).ok).toBe(false);
    expect(listUsers(admin, hours(1)).find((u) => u.id === user.id)?.status).toBe('invited');
    expect(listUsers(admin, hours(73)).find((u) => u.id === user.id)?.status).toBe('invite_expired');
    expect(auditEntries({ targetType: 'user', targetId: user.id })).toEqual([
      expect.objectContaining({ actorId: admin.id, action: 'user.create', details: { email: user.email, role: 'copy_editor', invited: true } }),
    ]);
  });

  it('refuses non-admins, a role outside the list, and hostile input is stored as text, not markup', async () => {
    const editor = await makeUser('editor');
    expect((await appErrorFromAsync(() => inviteUser(editor, { name: 'X', email: 'x@paper.org', role: 'editor' }))).code).toBe('FORBIDDEN');
    const badRole = await appErrorFromAsync(() => inviteUser(admin, { name: 'X', email: 'x@paper.org', role: 'owner' }));
    expect(badRole.code).toBe('INVALID');
    expect(Object.keys(badRole.details.fields ?? {})).toEqual(['role']);
    expect(getDb().select().from(users).where(eq(users.email, 'x@paper.org')).all()).toEqual([]);

    const { user } = await invite('editor', '<img src=x onerror=alert(1)>');
    expect(user.name).toBe('<img src=x onerror=alert(1)>');
    // An email with markup in it is no email address.
    const hostileEmail = await appErrorFromAsync(() => inviteUser(admin, { name: 'X', email: '<script>@paper.org', role: 'editor' }));
    expect(Object.keys(hostileEmail.details.fields ?? {})).toEqual(['email']);
  });
});

describe('the invite link', () => {
  it('shows who it is for, sets the password once, ends any session and signs in with the new password', async () => {
    const { user, link } = await invite();
    expect(readPasswordLink(link.token, hours(1))).toEqual({
      status: 'valid',
      purpose: 'invite',
      name: 'Cleo Copy',
      email: user.email,
      expiresAt: link.expiresAt,
    });
    expect(await setPasswordFromLink({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, hours(1))).toEqual({ email: user.email });
    expect(findSessionUser(user.id, 1)).toBeNull();
    expect(findSessionUser(user.id, 2)).toEqual(user);
    expect((await verifyCredentials(user.email, NEW_PASSWORD)).ok).toBe(true);
    expect(listUsers(admin).find((u) => u.id === user.id)?.status).toBe('active');
    expect(auditEntries({ action: 'user.set_password', targetId: user.id })).toEqual([
      expect.objectContaining({ actorId: user.id, details: { link: 'invite' } }),
    ]);

    // Reused: refused, and the password stays what the first use set.
    expect(readPasswordLink(link.token, hours(2)).status).toBe('used');
    const reused = await appErrorFromAsync(() => setPasswordFromLink({ token: link.token, password: 'another fine passphrase', confirm: 'another fine passphrase' }, hours(2)));
    expect(reused.code).toBe('CONFLICT');
    expect(reused.message).toBe(LINK_REFUSALS.used);
    expect((await verifyCredentials(user.email, NEW_PASSWORD)).ok).toBe(true);
  });

  it('refuses an expired link', async () => {
    const { link } = await invite();
    expect(readPasswordLink(link.token, hours(72)).status).toBe('expired');
    const error = await appErrorFromAsync(() => setPasswordFromLink({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, hours(72)));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(LINK_REFUSALS.expired);
  });

  it('refuses tampered, made-up and malformed tokens without naming anyone', async () => {
    const { link } = await invite();
    const last = link.token.at(-1) === 'A' ? 'B' : 'A';
    for (const token of [`${link.token.slice(0, -1)}${last}`, 'A'.repeat(43), 'short', `${link.token}x`, '../../etc/passwd', '']) {
      expect(readPasswordLink(token, hours(1))).toEqual({ status: 'invalid' });
      const error = await appErrorFromAsync(() => setPasswordFromLink({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, hours(1)));
      expect(['NOT_FOUND', 'INVALID']).toContain(error.code);
    }
    expect(readPasswordLink(link.token, hours(1)).status).toBe('valid');
  });

  it('refuses a common password, the email, a short one or a mismatch, and the link still works after', async () => {
    const { user, link } = await invite();
    const attempts = [
      ['password1234', 'password1234', 'password'],
      [user.email, user.email, 'password'],
      ['short', 'short', 'password'],
      [NEW_PASSWORD, `${NEW_PASSWORD}!`, 'confirm'],
    ] as const;
    for (const [password, confirm, field] of attempts) {
      const error = await appErrorFromAsync(() => setPasswordFromLink({ token: link.token, password, confirm }, hours(1)));
      expect(error.code).toBe('INVALID');
      expect(Object.keys(error.details.fields ?? {})).toEqual([field]);
    }
    expect(readPasswordLink(link.token, hours(1)).status).toBe('valid');
  });

  it('stops working when the account is disabled, even after it is enabled again', async () => {
    const { user, link } = await invite();
    setUserDisabled(admin, user.id, true, hours(1));
    expect(readPasswordLink(link.token, hours(2)).status).toBe('invalid');
    setUserDisabled(admin, user.id, false, hours(2));
    expect(readPasswordLink(link.token, hours(3)).status).toBe('invalid');
  });
});
