import type { Metadata } from 'next';
import { ChangePasswordForm, RenameForm } from '@/components/account/account-forms';
import { ROLE_LABELS } from '@/lib/domain-constants';
import { requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Your account' };

/** Any signed-in person: their own name and password; the role is an admin's to change. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireSignedIn('/account');
  const { notice } = await searchParams;
  return (
    <main id="content" className="account">
      <div className="page-head">
        <h1>Your account</h1>
      </div>
      <p className="muted">
        Signed in as {user.email} ({ROLE_LABELS[user.role]}). Changing your password signs you out on every other device.
      </p>
      {notice === 'password_changed' && (
        <p className="notice notice--info" role="status">
          Your password is changed. You were signed out everywhere else.
        </p>
      )}
      <RenameForm name={user.name} />
      <ChangePasswordForm email={user.email} />
    </main>
  );
}
