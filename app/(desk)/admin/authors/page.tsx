import type { Metadata } from 'next';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { FilingForm, type FilingFormField } from '@/components/admin/filing-form';
import type { AuthorProfile } from '@/lib/filing';
import { listAuthorProfiles, staffWithoutProfile } from '@/server/filing/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { createAuthorAction, editAuthorAction } from '../actions';

export const metadata: Metadata = { title: 'Authors' };

export default async function AuthorsPage() {
  const actor = await requireSignedIn('/admin/authors');
  const authors = forPage(() => listAuthorProfiles(actor));
  const staff = staffWithoutProfile(actor);
  const accountOptions = (author?: AuthorProfile) => [
    { value: '', label: 'None: a contributor without an account' },
    ...(author?.userId ? [{ value: String(author.userId), label: author.userName ?? `User ${author.userId}` }] : []),
    ...staff.map((user) => ({ value: String(user.id), label: user.name })),
  ];
  const authorFields = (author?: AuthorProfile): FilingFormField[] => [
    { kind: 'text', name: 'name', label: 'Name', value: author?.name, hint: 'As bylines print it.' },
    { kind: 'text', name: 'slug', label: 'Address', value: author?.slug, hint: author ? 'The author page’s address: changing it breaks links to the old one.' : 'Left empty, it is spelled from the name.' },
    { kind: 'textarea', name: 'bio', label: 'Bio', value: author?.bio },
    { kind: 'photo', name: 'photoId', label: 'Photo', value: author?.photoId ? String(author.photoId) : '' },
    { kind: 'select', name: 'userId', label: 'Staff account', value: author?.userId ? String(author.userId) : '', options: accountOptions(author) },
  ];
  return (
    <main id="content">
      <AdminPageHead title="Authors" />
      <p className="muted">
        The people bylines credit: staff, linked to their account, and contributors without one. Staff can also create and edit their own profile from their account page.
      </p>
      <section className="card" aria-labelledby="new-author-title">
        <h2 id="new-author-title">New author</h2>
        <FilingForm action={createAuthorAction} title="New author" fields={authorFields()} submit="Create author" />
      </section>
      <ul className="taxonomy-list">
        {authors.map((author) => (
          <li key={author.id} className="card">
            <h2>{author.name}</h2>
            <p className="muted">
              /author/{author.slug} · {author.userName ? `Staff: ${author.userName}` : 'Contributor'}
            </p>
            <details>
              <summary>Edit {author.name}</summary>
              <FilingForm action={editAuthorAction} title={`Edit author ${author.name}`} fields={authorFields(author)} hidden={{ authorId: String(author.id), page: '/admin/authors' }} submit="Save author" />
            </details>
          </li>
        ))}
      </ul>
    </main>
  );
}
