import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from './auth-secret';
import { verifyCredentials } from './verify-credentials';

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

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Lazy: the secret may live in DATA_DIR, which must not be touched at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // Dateline is self-hosted behind its own host name; Auth.js must accept it.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  logger: {
    // A refused login is routine, not a server error worth a stack trace.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
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
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion;
      return token;
    },
    // The session carries identity and sessionVersion only; the role is re-read from the user row.
    session({ session, token }) {
      return { ...session, userId: Number(token.sub), sessionVersion: token.sv };
    },
  },
}));
