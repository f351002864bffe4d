import 'server-only';
import { AppError } from '@/lib/app-error';

const BROKEN = 'That page link is broken; start again from the first page.';

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
  if (!match) throw new AppError('INVALID', BROKEN);
  return { at: Number(match[1]), id: Number(match[2]) };
}

/**
 * The same for a list in order of relevance: the last row's score (FTS5's bm25, a float, lower is
 * better) and id. JavaScript's shortest round-trip text of a double reads back as the same double,
 * so the next page starts exactly after the row.
 */
export type RankCursor = { score: number; id: number };

export function encodeRankCursor(cursor: RankCursor): string {
  return Buffer.from(`r${cursor.score}~${cursor.id}`).toString('base64url');
}

export function decodeRankCursor(raw: string): RankCursor {
  const match = /^r(-?\d{1,20}(?:\.\d{1,20})?(?:e[+-]?\d{1,3})?)~(\d{1,15})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!match) throw new AppError('INVALID', BROKEN);
  return { score: Number(match[1]), id: Number(match[2]) };
}
