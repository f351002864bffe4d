import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/server/env';
import { authSecret } from './auth-secret';
import { nextSessionTimes } from './session-lifetime';
import { verifyCredentials } from './verify-credentials';
import { log } from '@/server/log/logger';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    userId?: unknown;
    sessionVersion?: unknown;
  }
}

/** Carries why a login was refused to the login action; the code never names which field was wrong. */
export class LoginRefused extends CredentialsSignin {
  constructor(code: 'invalid' | `rate_limited:${number}`) {
    super();
    this.code = code;
  }
}

const CredentialsInput = z.object({ email: z.string().max(320), password: z.string().max(1024) });

const nowSeconds = () => Math.floor(Date.now() / 1000);

// Lazy: the secret may live in DATA_DIR, which must not be touched at build time.
const nextAuth = NextAuth(() => ({
  secret: authSecret(),
  // Dateline is self-hosted behind its own host name; Auth.js must accept it.
  trustHost: true,
  // Auth.js's own cookie is already HttpOnly and SameSite=Lax, and Secure (named `__Secure-…`)
  // when the request came over https, as x-forwarded-proto says behind a proxy. Its maxAge slides
  // with every re-issued token, so the absolute limit is the `signedInAt` claim's (see jwt below).
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: '/login' },
  logger: {
    // A refused login is routine, not a server error worth a stack trace.
    error(error) {
      if (!(error instanceof CredentialsSignin)) log.error({ err: error }, 'auth error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const input = CredentialsInput.safeParse(raw);
        if (!input.success) throw new LoginRefused('invalid');
        const result = await verifyCredentials(input.data.email, input.data.password);
        if (!result.ok) {
          throw new LoginRefused(result.reason === 'rate_limited' ? `rate_limited:${result.minutes}` : 'invalid');
        }
        const { user } = result;
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    /**
     * Runs for every session read. Its token is written back only where a response can carry the
     * cookie: page requests through proxy.ts and the API's writes (`touchSession`); so those are
     * what keeps a session from idling out, and a tab left polling does not.
     */
    jwt({ token, user }) {
      const now = nowSeconds();
      if (user) return { ...token, sv: user.sessionVersion, signedInAt: now, lastActive: now };
      const times = nextSessionTimes(token, now, {
        maxAgeSeconds: env().SESSION_MAX_AGE_HOURS * 3600,
        idleSeconds: env().SESSION_IDLE_MINUTES * 60,
      });
      // null ends the session: Auth.js answers "no session" and clears the cookie where it can.
      return times && { ...token, ...times };
    },
    // The session carries identity and sessionVersion only; the role is re-read from the user row.
    session({ session, token }) {
      return { ...session, userId: Number(token.sub), sessionVersion: token.sv };
    },
  },
}));

export const { handlers, auth, signIn, signOut } = nextAuth;

/**
 * Re-issues the session cookie with this moment as its last activity. For route handlers: reads
 * the session through Auth.js and sets the refreshed cookie on the response being built.
 */
export async function touchSession(): Promise<void> {
  await nextAuth.unstable_update({});
}
