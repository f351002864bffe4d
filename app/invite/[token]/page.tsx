import type { Metadata } from 'next';
import Link from 'next/link';
import { SetPasswordForm } from '@/components/account/set-password-form';
import { LINK_REFUSALS, readPasswordLink } from '@/server/users/password-links';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false, follow: false } };

/** Public: whoever holds the link may set the account's password, once, before it expires. */
export default async function PasswordLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = readPasswordLink(token);
  return (
    <main className="login" id="content">
      <h1>Dateline</h1>
      {link.status === 'valid' ? (
        <>
          <p>
            {link.purpose === 'invite' ? 'Welcome' : 'Hello'}, {link.name}. Choose the password you will sign in with as{' '}
            <strong>{link.email}</strong>.
          </p>
          <SetPasswordForm token={token} email={link.email} />
        </>
      ) : (
        <>
          <p className="notice notice--error" role="alert" aria-label="Link refused">
            {LINK_REFUSALS[link.status]}
          </p>
          <p>
            <Link href="/login">Go to sign in</Link>
          </p>
        </>
      )}
    </main>
  );
}
