import { describe, expect, it } from 'vitest';
import { hashPassword, verifyDecoy, verifyPassword } from './password';

const PASSWORD = 'a long enough passphrase';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane)', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it('salts every hash, and each verifies', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, PASSWORD)).toBe(true);
    expect(await verifyPassword(second, PASSWORD)).toBe(true);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${PASSWORD} `)).toBe(false);
    expect(await verifyPassword(hash, PASSWORD.toUpperCase())).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('answers false, not a crash, for a malformed stored hash', async () => {
    const malformed = [
      '',
      'not a hash',
      '$argon2id$v=19$m=19456,t=2,p=1$garbage',
      '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', // bcrypt
    ];
    for (const hash of malformed) {
      await expect(verifyPassword(hash, PASSWORD)).resolves.toBe(false);
    }
  });

  it('the decoy check for unknown emails never matches', async () => {
    expect(await verifyDecoy('decoy password that matches nothing')).toBe(false);
    expect(await verifyDecoy(PASSWORD)).toBe(false);
  });
});
