import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { authSecret } from './auth-secret';

/**
 * Signs and checks short texts with a key of their own, derived from AUTH_SECRET for one purpose,
 * so a value signed for one use (a co-editing ticket, a preview link) never passes for another.
 */
export function signerFor(purpose: string) {
  let key: Buffer | undefined;
  const signatureOf = (payload: string): Buffer => {
    key ??= Buffer.from(hkdfSync('sha256', authSecret(), '', purpose, 32));
    return createHmac('sha256', key).update(payload).digest();
  };
  return {
    sign: (payload: string): string => signatureOf(payload).toString('base64url'),
    /** Compared in constant time: how much of a guess was right is not told by how long it took. */
    verify(payload: string, signature: string): boolean {
      const given = Buffer.from(signature, 'base64url');
      const expected = signatureOf(payload);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
