import type { Metadata } from 'next';
import { ChangePasswordForm, RenameForm } from '@/components/account/account-forms';
import { ROLE_LABELS } from '@/lib/domain-constants';
import { FilingForm } from '@/components/admin/filing-form';
import { MailPreferencesForm } from '@/components/account/mail-preferences-form';
import { env } from '@/server/env';
import { ownAuthorProfile } from '@/server/filing/queries';
import { listMailPreferences } from '@/server/mail/mail-preferences';
import { mailIsOn } from '@/server/mail/queue-mail';
import { requireSignedIn } from '@/server/session';
import { createOwnAuthorProfileAction, editAuthorAction } from '../admin/actions';

export const metadata: Metadata = { title: 'Your account' };

/** Any signed-in person: their own name, password and what they are emailed; the role is an admin's to change. */
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
      <MailPreferencesForm choices={listMailPreferences(user)} mailOn={mailIsOn()} digestHour={`${String(env().MAIL_DIGEST_HOUR).padStart(2, '0')}:00`} />
      <AuthorProfileCard profile={ownAuthorProfile(user)} />
    </main>
  );
}

/** A byline can credit a person once they have an author profile: their public page. */
function AuthorProfileCard({ profile }: { profile: ReturnType<typeof ownAuthorProfile> }) {
  return (
    <section className="card" aria-labelledby="author-profile-title">
      <h2 id="author-profile-title">Author profile</h2>
      {profile ? (
        <>
          <p className="muted">Your public author page is /author/{profile.slug}.</p>
          <FilingForm
            action={editAuthorAction}
            title="Your author profile"
            hidden={{ authorId: String(profile.id), page: '/account' }}
            fields={[
              { kind: 'text', name: 'name', label: 'Name on bylines', value: profile.name },
              { kind: 'textarea', name: 'bio', label: 'Bio', value: profile.bio },
              { kind: 'photo', name: 'photoId', label: 'Photo', value: profile.photoId ? String(profile.photoId) : '' },
            ]}
            submit="Save profile"
          />
        </>
      ) : (
        <>
          <p className="muted">Stories can credit you by name, with a public page listing them, once you have an author profile.</p>
          <FilingForm action={createOwnAuthorProfileAction} title="Create my author profile" fields={[]} submit="Create my author profile" />
        </>
      )}
    </section>
  );
}
