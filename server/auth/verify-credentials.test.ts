import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { loginAttempts, users } from '@/db/schema';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, TEST_PASSWORD } from '@/tests/factories';
import { MAX_FAILURES, recordLoginAttempt } from './login-throttle';
import { verifyCredentials } from './verify-credentials';

// The real argon2, watched: which hash each sign-in is checked against.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const argon2 = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...argon2, verify: vi.fn(argon2.verify) };
});

const MINUTE = 60_000;
const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

function attemptsFor(email: string) {
  return getDb()
    .select({ succeeded: loginAttempts.succeeded, at: loginAttempts.at })
    .from(loginAttempts)
    .where(eq(loginAttempts.email, email))
    .all();
}

async function failTimes(email: string, times: number, now: Date) {
  for (let i = 0; i < times; i++) {
    expect(await verifyCredentials(email, 'wrong password', now)).toEqual({ ok: false, reason: 'invalid' });
  }
}

describe('verifyCredentials', () => {
  it('signs in with the right password, returning the session user and its sessionVersion', async () => {
    const user = await makeUser('editor', 'Ada Reporter');
    const result = await verifyCredentials(user.email, TEST_PASSWORD, T0);
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: 'Ada Reporter', role: 'editor', sessionVersion: 1 },
    });
    expect(JSON.stringify(result)).not.toContain('argon2');
  });

  it('records a successful sign-in: last login, an attempt row and a session.sign_in audit entry', async () => {
    const user = await makeUser('copy_editor');
    await verifyCredentials(user.email, TEST_PASSWORD, T0);

    const row = getDb().select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id)).get();
    expect(row?.lastLoginAt).toEqual(T0);
    expect(attemptsFor(user.email)).toEqual([{ succeeded: true, at: T0 }]);
    const audit = auditEntries({ action: 'session.sign_in', targetId: user.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, targetType: 'user', targetId: String(user.id) });
  });

  it('treats the email case-insensitively and ignores surrounding spaces', async () => {
    const user = await makeUser('editor');
    const result = await verifyCredentials(`  ${user.email.toUpperCase()}\t`, TEST_PASSWORD, T0);
    expect(result.ok).toBe(true);
    // The attempt is filed under the normalized address, so variants share one throttle.
    expect(attemptsFor(user.email)).toHaveLength(1);
  });

  it('answers "invalid" for a wrong password, and writes no sign-in audit', async () => {
    const user = await makeUser('editor');
    expect(await verifyCredentials(user.email, `${TEST_PASSWORD}!`, T0)).toEqual({ ok: false, reason: 'invalid' });
    expect(attemptsFor(user.email)).toEqual([{ succeeded: false, at: T0 }]);
    const audit = auditEntries({ targetId: user.id });
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
  });

  it('answers "invalid" for an unknown email, and still records the attempt', async () => {
    expect(await verifyCredentials('Nobody@Test.Example', TEST_PASSWORD, T0)).toEqual({ ok: false, reason: 'invalid' });
    expect(attemptsFor('nobody@test.example')).toEqual([{ succeeded: false, at: T0 }]);
  });

  it('answers "invalid" for a disabled account even with the right password', async () => {
    const user = await makeUser('editor');
    getDb().update(users).set({ disabledAt: T0 }).where(eq(users.id, user.id)).run();
    expect(await verifyCredentials(user.email, TEST_PASSWORD, at(1))).toEqual({ ok: false, reason: 'invalid' });
    const row = getDb().select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id)).get();
    expect(row?.lastLoginAt).toBeNull();
  });

  it('refuses the sixth attempt after five failures, even with the right password, until the window passes', async () => {
    const user = await makeUser('editor');
    await failTimes(user.email, MAX_FAILURES, T0);

    expect(await verifyCredentials(user.email, TEST_PASSWORD, T0)).toEqual({ ok: false, reason: 'rate_limited', minutes: 15 });
    expect(await verifyCredentials(user.email, TEST_PASSWORD, at(10))).toEqual({
      ok: false,
      reason: 'rate_limited',
      minutes: 5,
    });
    // Refused attempts are not recorded, so they do not extend the lock.
    expect(attemptsFor(user.email)).toHaveLength(MAX_FAILURES);

    const after = await verifyCredentials(user.email, TEST_PASSWORD, at(15));
    expect(after.ok).toBe(true);
  });

  it('locks an unknown email too, so guessing addresses is throttled', async () => {
    const email = 'ghost@test.example';
    await failTimes(email, MAX_FAILURES, T0);
    expect(await verifyCredentials(email, 'anything', at(1))).toEqual({ ok: false, reason: 'rate_limited', minutes: 14 });
  });

  it('resets the count after a successful sign-in', async () => {
    const user = await makeUser('editor');
    await failTimes(user.email, MAX_FAILURES - 1, at(0));
    expect((await verifyCredentials(user.email, TEST_PASSWORD, at(1))).ok).toBe(true);
    await failTimes(user.email, MAX_FAILURES, at(2));
    expect(await verifyCredentials(user.email, TEST_PASSWORD, at(2))).toEqual({ ok: false, reason: 'rate_limited', minutes: 15 });
  });

  it('keeps the lock in the database, so a restart does not clear it', async () => {
    const user = await makeUser('editor');
    // Failures written by an earlier process: only the login_attempts table knows about them.
    for (let i = 0; i < MAX_FAILURES; i++) recordLoginAttempt(getDb(), user.email, false, at(0));
    expect(await verifyCredentials(user.email, TEST_PASSWORD, at(3))).toEqual({ ok: false, reason: 'rate_limited', minutes: 12 });
  });

  it('does not let a burst of parallel guesses slip past the lock', async () => {
    const user = await makeUser('editor');
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES + 3 }, (_, i) => verifyCredentials(user.email, `guess ${i}`, T0)),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid');
    const refused = results.filter((r) => !r.ok && r.reason === 'rate_limited');
    expect(checked).toHaveLength(MAX_FAILURES);
    expect(refused).toHaveLength(3);
    expect(attemptsFor(user.email)).toHaveLength(MAX_FAILURES);
  });
});

describe('verifyCredentials, timing', () => {
  beforeEach(() => {
    vi.mocked(verify).mockClear();
  });

  /** The argon2id parameters a hash was made with, e.g. `$argon2id$v=19$m=19456,t=2,p=1`. */
  const hashParameters = (hash: string) => hash.split('$').slice(0, 4).join('$');

  async function checkedHashes(email: string, password: string): Promise<string[]> {
    expect((await verifyCredentials(email, password, T0)).ok).toBe(false);
    return vi.mocked(verify).mock.calls.map(([hash]) => String(hash));
  }

  it('checks an unknown email against an argon2id hash as costly as a real one, so it takes as long', async () => {
    const user = await makeUser('editor');
    const real = await checkedHashes(user.email, 'wrong password');
    vi.mocked(verify).mockClear();
    const unknown = await checkedHashes('nobody-here@test.example', 'wrong password');

    expect(real).toHaveLength(1);
    expect(unknown).toHaveLength(1);
    expect(hashParameters(unknown[0] ?? '')).toMatch(/^\$argon2id\$/);
    expect(hashParameters(unknown[0] ?? '')).toBe(hashParameters(real[0] ?? ''));
  });

  it('checks the password of a disabled account too, before refusing it', async () => {
    const user = await makeUser('editor');
    getDb().update(users).set({ disabledAt: T0 }).where(eq(users.id, user.id)).run();
    expect(await checkedHashes(user.email, TEST_PASSWORD)).toHaveLength(1);
  });
});
