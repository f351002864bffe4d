import Link from 'next/link';
import { describeLogEntry } from '@/lib/audit-wording';
import type { AuditQuery } from '@/lib/validation/people';

type Props = {
  query: AuditQuery;
  people: { id: number; name: string; email: string }[];
  actions: string[];
  /** The filters as a query string, for the CSV link. */
  search: string;
};

/** A plain GET form: the filters live in the address, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ query, people, actions, search }: Props) {
  return (
    <form className="audit-filters" method="get" action="/admin/audit">
      <div className="field">
        <label htmlFor="audit-actor">Who</label>
        <select id="audit-actor" name="actor" defaultValue={query.actor ?? ''}>
          <option value="">Anyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" name="action" defaultValue={query.action ?? ''}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {describeLogEntry(action, null).what} ({action})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-article">Article number</label>
        <input id="audit-article" name="article" type="number" min={1} inputMode="numeric" defaultValue={query.article ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} />
      </div>
      <div className="audit-filters__actions">
        <button type="submit" className="button">
          Filter
        </button>
        <Link href="/admin/audit">Clear</Link>
        <a href={`/api/admin/audit/export${search ? `?${search}` : ''}`} download>
          Download CSV
        </a>
      </div>
    </form>
  );
}
