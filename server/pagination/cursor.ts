import 'server-only';
import { AppError } from '@/lib/app-error';

/**
 * A keyset-pagination cursor: the sort time and id of the last row shown, so rows added while a
 * person pages never shift what they see. Opaque to clients; a tampered one is refused.
 */
export type Cursor = { at: number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!match) throw new AppError('INVALID', 'That page link is broken; start again from the first page.');
  return { at: Number(match[1]), id: Number(match[2]) };
}
