import 'server-only';
import { randomBytes } from 'node:crypto';
import { signerFor } from '@/server/auth/signer';

/** Why a preview link was refused: the log's word for it, and what the page tells the reader. */
export type PreviewRefusalReason = 'forged' | 'unknown' | 'wrong-article' | 'expired' | 'revoked';

export class PreviewRefusal extends Error {
  constructor(readonly reason: PreviewRefusalReason) {
    super(`preview link refused: ${reason}`);
  }
}

const signer = signerFor('dateline preview link');

/** A new token: a random part and its signature. Only its hash is stored (user-tokens' `hashToken`). */
export function newPreviewToken(): string {
  const nonce = randomBytes(24).toString('base64url');
  return `${nonce}.${signer.sign(nonce)}`;
}

/**
 * Throws `forged` unless this server signed the token: a made-up or altered link is refused before
 * the database is asked anything.
 */
export function assertSignedPreviewToken(token: string): void {
  const parts = token.split('.');
  if (parts.length !== 2) throw new PreviewRefusal('forged');
  const [nonce, signature] = parts as [string, string];
  if (!signer.verify(nonce, signature)) throw new PreviewRefusal('forged');
}
