import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeReturnPath } from '@/lib/safe-return-path';
import { currentUser } from '@/server/session';

export const metadata: Metadata = { title: 'Sign in' };

/** Why someone was sent here, said on the page; only these fixed texts, never anything from the URL. */
const NOTICES = {
  disabled: { text: 'Your account is disabled. Ask an admin if you need it back.', tone: 'error' },
  password_set: { text: 'Your password is set. Sign in with it now.', tone: 'info' },
} as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; notice?: string }> }) {
  const query = await searchParams;
  const next = safeReturnPath(query.next);
  if (await currentUser()) redirect(next);
  const notice = query.notice && Object.hasOwn(NOTICES, query.notice) ? NOTICES[query.notice as keyof typeof NOTICES] : null;
  return (
    <main className="login">
      <h1>Dateline</h1>
      {notice && (
        <p className={`notice notice--${notice.tone}`} role="status">
          {notice.text}
        </p>
      )}
      <p className="muted">Sign in to the newsroom desk.</p>
      <SignInForm next={next} />
    </main>
  );
}
