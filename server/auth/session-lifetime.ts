import 'server-only';

/** The session's own clock, in the token: seconds since the epoch, as JWT `iat`/`exp` are. */
export type SessionTimes = { signedInAt?: unknown; lastActive?: unknown; [claim: string]: unknown };

export type SessionLimits = { maxAgeSeconds: number; idleSeconds: number };

/**
 * The token's times after a request at `now`, or null when the session has ended: too long since
 * sign-in (however busy its owner has been), or too long since its last request that counted as
 * activity. A token from before these claims existed has neither and is ended too: its owner signs
 * in again once.
 */
export function nextSessionTimes(token: SessionTimes, now: number, limits: SessionLimits): { signedInAt: number; lastActive: number } | null {
  const { signedInAt, lastActive } = token;
  if (typeof signedInAt !== 'number' || typeof lastActive !== 'number') return null;
  if (now - signedInAt > limits.maxAgeSeconds) return null;
  if (now - lastActive > limits.idleSeconds) return null;
  return { signedInAt, lastActive: now };
}

/**
 * Whether a request to the API is the person at work, which keeps their session from idling out:
 * any write (an autosave, a comment, a publish) but the edit lock's heartbeat, which an open editor
 * sends every 15 s even in a tab nobody has looked at for hours. Reads are the screens' polling.
 */
export function isPersonActing(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  return !(request.method === 'POST' && new URL(request.url).pathname.endsWith('/lock'));
}
