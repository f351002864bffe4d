import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/app-error';
import type { CollabTicket } from '@/lib/co-editing/collab-mode';
import type { SessionUser } from '@/lib/session-user';
import { signerFor } from '@/server/auth/signer';
import { findSessionVersion } from '@/server/users/queries';
import { collabModeOf } from './collab-access';

/**
 * Long enough to open a socket on a slow connection, short enough that a leaked ticket is worth
 * little: the provider asks for a new one on every (re)connection.
 */
export const COLLAB_TICKET_TTL_MS = 60_000;

const TicketClaims = z.strictObject({
  articleId: z.number().int().positive(),
  userId: z.number().int().positive(),
  sessionVersion: z.number().int(),
  mode: z.enum(['edit', 'read']),
  expiresAt: z.number().int(),
});
export type CollabTicketClaims = z.infer<typeof TicketClaims>;

/** Why a ticket was refused, as the close reason the client and the log see. */
export type TicketRefusalReason = 'malformed-ticket' | 'forged-ticket' | 'expired-ticket' | 'wrong-article';

export class TicketRefusal extends Error {
  constructor(readonly reason: TicketRefusalReason) {
    super(reason);
  }
}

const signer = signerFor('dateline co-editing ticket');

/**
 * A signed, short-lived ticket to join the article's shared document, in the mode the policy
 * allows now. NOT_FOUND when the article is not theirs to see.
 */
export function issueCollabTicket(user: SessionUser, articleId: number, now = new Date()): CollabTicket {
  const mode = collabModeOf(user, articleId);
  const sessionVersion = findSessionVersion(user.id);
  if (sessionVersion === null) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to continue.');
  const claims: CollabTicketClaims = { articleId, userId: user.id, sessionVersion, mode, expiresAt: now.getTime() + COLLAB_TICKET_TTL_MS };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { ticket: `${payload}.${signer.sign(payload)}`, mode, expiresAt: new Date(claims.expiresAt).toISOString() };
}

/** The claims of a ticket this server signed for this article and that has not expired; a TicketRefusal otherwise. */
export function readCollabTicket(ticket: string, articleId: number, now = new Date()): CollabTicketClaims {
  const parts = ticket.split('.');
  if (parts.length !== 2) throw new TicketRefusal('malformed-ticket');
  const [payload, signature] = parts as [string, string];
  if (!signer.verify(payload, signature)) throw new TicketRefusal('forged-ticket');
  // Signed by this server, so well formed unless the claims' shape changed between versions.
  const claims = TicketClaims.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  if (!claims.success) throw new TicketRefusal('malformed-ticket');
  if (claims.data.expiresAt <= now.getTime()) throw new TicketRefusal('expired-ticket');
  if (claims.data.articleId !== articleId) throw new TicketRefusal('wrong-article');
  return claims.data;
}
