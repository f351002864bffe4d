import type { Metadata } from 'next';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { FilingForm } from '@/components/admin/filing-form';
import { assertCan } from '@/server/policy';
import { newsroomSettingsNow } from '@/server/newsroom-settings/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { saveNewsroomSettingsAction } from '../actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requireSignedIn('/admin/settings');
  const settings = forPage(() => {
    assertCan(actor, 'settings:manage');
    return newsroomSettingsNow();
  });
  return (
    <main id="content">
      <AdminPageHead title="Settings" />
      <section className="card" aria-labelledby="changes-credit-title">
        <h2 id="changes-credit-title">What changed pages</h2>
        <p className="muted">Each story’s public history says who published every version. It never names a person.</p>
        <FilingForm
          action={saveNewsroomSettingsAction}
          title="What changed pages"
          fields={[
            {
              kind: 'select',
              name: 'changesCredit',
              label: 'Name who published each version',
              value: settings.changesCredit,
              options: [
                { value: 'role', label: 'By role (an editor, the copy desk)' },
                { value: 'desk', label: 'By the desk’s name below' },
              ],
            },
            { kind: 'text', name: 'deskName', label: 'Desk name', value: settings.deskName, hint: 'Printed for every version when versions are named by the desk.' },
          ]}
          submit="Save settings"
        />
      </section>
    </main>
  );
}
