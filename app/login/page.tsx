import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeReturnPath } from '@/lib/safe-return-path';
import { currentUser } from '@/server/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <main className="login">
      <h1>Dateline</h1>
      <p className="muted">Sign in to the newsroom desk.</p>
      <SignInForm next={next} />
    </main>
  );
}
