import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { AppError, isAppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { auth } from '@/server/auth/next-auth';
import { noteRequestUser } from '@/server/log/logger';
import { findSessionUser, isAccountDisabled } from '@/server/users/queries';

const SessionClaims = z.object({ userId: z.number().int().positive(), sessionVersion: z.number().int() });

/**
 * The signed-in person, re-read from their user row once per request: a disabled account or a
 * changed role (which bumps sessionVersion) ends the session at its very next request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = SessionClaims.safeParse(await auth());
  if (!claims.success) return null;
  const user = findSessionUser(claims.data.userId, claims.data.sessionVersion);
  if (user) noteRequestUser(user.id);
  return user;
});

export const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';

/** For route handlers and server actions: the user, or a typed 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError('UNAUTHENTICATED', SESSION_ENDED);
  return user;
}

/** For pages and form actions: the user, or off to the login page (and back here afterwards). */
export async function requireSignedIn(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?${(await endedByDisabling()) ? 'notice=disabled&' : ''}next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Whether the session still names a real account that an admin disabled: the sign-in page says so. */
async function endedByDisabling(): Promise<boolean> {
  const claims = SessionClaims.safeParse(await auth());
  return claims.success && isAccountDisabled(claims.data.userId);
}

/** Runs a domain read for a page: FORBIDDEN renders the 403 page, NOT_FOUND the 404 page. */
export function forPage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isAppError(error, 'FORBIDDEN')) forbidden();
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
}
