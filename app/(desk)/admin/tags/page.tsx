import type { Metadata } from 'next';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { FilingForm } from '@/components/admin/filing-form';
import { TagSearchQuery } from '@/lib/validation/filing';
import { listTags } from '@/server/filing/queries';
import { forPage, requireSignedIn } from '@/server/session';
import { editTagAction, mergeTagsAction } from '../actions';

export const metadata: Metadata = { title: 'Tags' };

export default async function TagsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireSignedIn('/admin/tags');
  const parsed = TagSearchQuery.safeParse(await searchParams);
  const q = parsed.success ? parsed.data.q : '';
  const tags = forPage(() => listTags(actor, q));
  const options = [{ value: '', label: 'Choose a tag…' }, ...tags.map((tag) => ({ value: String(tag.id), label: `${tag.name} (${tag.articles})` }))];
  return (
    <main id="content">
      <AdminPageHead title="Tags" />
      <p className="muted">Writers make tags as they file stories. Rename a tag here, or merge two that mean the same: the stories follow and old addresses keep working.</p>
      <form role="search" className="card" action="/admin/tags">
        <div className="field">
          <label htmlFor="tag-search">Find tags</label>
          <input id="tag-search" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <section className="card" aria-labelledby="merge-title">
        <h2 id="merge-title">Merge tags</h2>
        <FilingForm
          action={mergeTagsAction}
          title="Merge tags"
          fields={[
            { kind: 'select', name: 'fromId', label: 'Tag to merge', options, hint: 'It is removed; its stories and addresses go to the tag kept.' },
            { kind: 'select', name: 'intoId', label: 'Merge into', options },
          ]}
          submit="Merge"
        />
      </section>
      <table className="table taxonomy-table">
        <caption className="visually-hidden">Tags{q ? ` starting with “${q}”` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Stories</th>
            <th scope="col">Media Topic</th>
            <th scope="col">Edit</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <td>
                {tag.name}
                <br />
                <span className="muted">/tag/{tag.slug}</span>
              </td>
              <td>{tag.articles}</td>
              <td>{tag.mediaTopic ?? <span className="muted">None</span>}</td>
              <td>
                <details>
                  <summary>Edit {tag.name}</summary>
                  <FilingForm
                    action={editTagAction}
                    title={`Edit tag ${tag.name}`}
                    hidden={{ tagId: String(tag.id) }}
                    fields={[
                      { kind: 'text', name: 'name', label: 'Name', value: tag.name },
                      { kind: 'text', name: 'slug', label: 'Address', value: tag.slug, hint: 'A new address keeps the old one working.' },
                      { kind: 'text', name: 'mediaTopic', label: 'IPTC Media Topic', value: tag.mediaTopic ?? '', hint: '8 digits, e.g. 11000000' },
                    ]}
                    submit="Save tag"
                  />
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tags.length === 0 && <p className="muted">{q ? `No tags start with “${q}”.` : 'No tags yet.'}</p>}
    </main>
  );
}
