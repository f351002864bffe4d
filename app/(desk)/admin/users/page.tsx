import type { Metadata } from 'next';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { InviteUserForm } from '@/components/admin/invite-user-form';
import { MailStatusNotice } from '@/components/admin/mail-status-notice';
import { UserAccessControls } from '@/components/admin/user-access-controls';
import { ROLE_LABELS } from '@/lib/domain-constants';
import { formatDeskTime } from '@/lib/desk-time';
import { ACCOUNT_STATUS_LABELS } from '@/lib/people';
import { env } from '@/server/env';
import { mailStatus } from '@/server/mail/mail-status';
import { forPage, requireSignedIn } from '@/server/session';
import { listUsers } from '@/server/users/queries';

export const metadata: Metadata = { title: 'People' };

export default async function PeoplePage() {
  const actor = await requireSignedIn('/admin/users');
  const users = forPage(() => listUsers(actor));
  const timeZone = env().NEWSROOM_TIMEZONE;
  return (
    <main id="content">
      <AdminPageHead title="People" />
      <p className="muted">
        A role change, a disabled account or a password reset takes effect on the person’s next click. Accounts are never
        deleted: disable one instead, and their stories keep their name.
      </p>
      <MailStatusNotice status={forPage(() => mailStatus(actor))} />
      <InviteUserForm timeZone={timeZone} />
      <table className="table people-table">
        <caption className="visually-hidden">Newsroom users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td className="people-table__email">{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>
                <span className={`badge badge--${user.status}`}>{ACCOUNT_STATUS_LABELS[user.status]}</span>
              </td>
              <td>{user.lastLoginAt ? formatDeskTime(user.lastLoginAt, timeZone) : <span className="muted">Never</span>}</td>
              <td>
                {user.id === actor.id && <p className="muted people-table__you">You</p>}
                <UserAccessControls
                  userId={user.id}
                  name={user.name}
                  role={user.role}
                  disabled={user.status === 'disabled'}
                  timeZone={timeZone}
                  self={user.id === actor.id}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
