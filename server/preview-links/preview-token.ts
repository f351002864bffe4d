import 'server-only';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/server/auth/auth-secret';

/** Why a preview link was refused: the log's word for it, and what the page tells the reader. */
export type PreviewRefusalReason = 'forged' | 'unknown' | 'wrong-article' | 'expired' | 'revoked';

export class PreviewRefusal extends Error {
  constructor(readonly reason: PreviewRefusalReason) {
    super(`preview link refused: ${reason}`);
  }
}

let key: Buffer | undefined;

/** A key of its own, derived from AUTH_SECRET, so a preview token can never pass for a session or a co-editing ticket. */
function previewKey(): Buffer {
  key ??= Buffer.from(hkdfSync('sha256', authSecret(), '', 'dateline preview link', 32));
  return key;
}

const signatureOf = (nonce: string): Buffer => createHmac('sha256', previewKey()).update(nonce).digest();

/** A new token: a random part and its signature. Only its hash is stored (user-tokens' `hashToken`). */
export function newPreviewToken(): string {
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${signatureOf(nonce).toString('base64url')}`;
}

/**
 * Throws `forged` unless this server signed the token: a made-up or altered link is refused before
 * the database is asked anything.
 */
export function assertSignedPreviewToken(token: string): void {
  const parts = token.split('.');
  if (parts.length !== 2) throw new PreviewRefusal('forged');
  const [nonce, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = signatureOf(nonce);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new PreviewRefusal('forged');
}
