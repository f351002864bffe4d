'use server';

import { CredentialsSignin } from 'next-auth';
import { safeReturnPath } from '@/lib/safe-return-path';
import { signIn } from '@/server/auth/next-auth';

export type SignInState = { error: string | null; email: string };

const INVALID = 'Invalid email or password';

function refusalMessage(code: string): string {
  const limited = /^rate_limited:(\d+)$/.exec(code);
  if (!limited) return INVALID;
  const minutes = Number(limited[1]);
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo: safeReturnPath(form.get('next')),
    });
  } catch (error) {
    // Success throws Next's redirect, which must travel on; only a refused login is answered here.
    if (error instanceof CredentialsSignin) return { error: refusalMessage(error.code), email };
    throw error;
  }
  return { error: null, email };
}
