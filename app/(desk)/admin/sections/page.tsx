import type { Metadata } from 'next';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { FilingForm, type FilingFormField } from '@/components/admin/filing-form';
import type { FilingName } from '@/lib/filing';
import { listSectionsFor } from '@/server/filing/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { createSectionAction, editSectionAction, reorderSectionsAction } from '../actions';

export const metadata: Metadata = { title: 'Sections' };

type Section = FilingName & { description: string; mediaTopic: string | null };

const sectionFields = (section?: Section): FilingFormField[] => [
  { kind: 'text', name: 'name', label: 'Name', value: section?.name },
  { kind: 'text', name: 'slug', label: 'Address', value: section?.slug, hint: section ? 'A new address keeps the old one working.' : 'Left empty, it is spelled from the name.' },
  { kind: 'textarea', name: 'description', label: 'Description', value: section?.description },
  { kind: 'text', name: 'mediaTopic', label: 'IPTC Media Topic', value: section?.mediaTopic ?? '', hint: '8 digits, e.g. 11000000 for politics' },
];

/** The order with the section at `index` moved by one place, as the reorder action takes it. */
function orderWithMove(ids: number[], index: number, by: -1 | 1): string {
  const next = [...ids];
  [next[index], next[index + by]] = [next[index + by]!, next[index]!];
  return next.join(',');
}

export default async function SectionsPage() {
  const actor = await requireSignedIn('/admin/sections');
  const sections = forPage(() => listSectionsFor(actor));
  const ids = sections.map((section) => section.id);
  return (
    <main id="content">
      <AdminPageHead title="Sections" />
      <p className="muted">Each story is filed in one section. The order here is the order of the site’s menu and front page.</p>
      <section className="card" aria-labelledby="new-section-title">
        <h2 id="new-section-title">New section</h2>
        <FilingForm action={createSectionAction} title="New section" fields={sectionFields()} submit="Create section" />
      </section>
      <ol className="taxonomy-list">
        {sections.map((section, index) => (
          <li key={section.id} className="card">
            <h2>{section.name}</h2>
            <p className="muted">/section/{section.slug}</p>
            <div className="taxonomy-list__moves">
              {index > 0 && (
                <FilingForm action={reorderSectionsAction} title={`Move ${section.name} up`} fields={[]} hidden={{ order: orderWithMove(ids, index, -1) }} submit={`Move ${section.name} up`} />
              )}
              {index < sections.length - 1 && (
                <FilingForm action={reorderSectionsAction} title={`Move ${section.name} down`} fields={[]} hidden={{ order: orderWithMove(ids, index, 1) }} submit={`Move ${section.name} down`} />
              )}
            </div>
            <details>
              <summary>Edit {section.name}</summary>
              <FilingForm action={editSectionAction} title={`Edit section ${section.name}`} fields={sectionFields(section)} hidden={{ sectionId: String(section.id) }} submit="Save section" />
            </details>
          </li>
        ))}
      </ol>
    </main>
  );
}
