import type { Metadata } from 'next';
import { UserAccessControls } from '@/components/admin/user-access-controls';
import { ROLE_LABELS } from '@/lib/domain-constants';
import { formatDeskTime } from '@/lib/desk-time';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';
import { listUsers } from '@/server/users/queries';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  const actor = await requireSignedIn('/admin');
  const users = forPage(() => listUsers(actor));
  const timeZone = env().NEWSROOM_TIMEZONE;
  return (
    <main id="content">
      <div className="page-head">
        <h1>People</h1>
      </div>
      <p className="muted">
        Create users from the shell with <code>npm run user:create</code>. A role change or a disabled account takes effect
        on the person’s next click.
      </p>
      <table className="table">
        <caption className="visually-hidden">Newsroom users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.name} {user.disabled && <span className="badge badge--disabled">Disabled</span>}
              </td>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.lastLoginAt ? formatDeskTime(user.lastLoginAt, timeZone) : <span className="muted">Never</span>}</td>
              <td>
                {user.id === actor.id ? (
                  <span className="muted">You</span>
                ) : (
                  <UserAccessControls userId={user.id} name={user.name} role={user.role} disabled={user.disabled} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
