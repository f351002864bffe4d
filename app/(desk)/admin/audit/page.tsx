import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { AuditFilters } from '@/components/admin/audit-filters';
import { describeLogEntry } from '@/lib/audit-wording';
import { formatDeskTime } from '@/lib/desk-time';
import { isAppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { AuditQuery } from '@/lib/validation/people';
import type { AuditLogEntry } from '@/server/audit/list-audit';
import { listAuditActions, listAuditLog } from '@/server/audit/list-audit';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';
import { listUserNames } from '@/server/users/queries';

export const metadata: Metadata = { title: 'Audit log' };

function targetCell(entry: AuditLogEntry) {
  if (entry.targetType === 'article' && entry.targetId) {
    return <Link href={`/desk/articles/${entry.targetId}/audit`}>Article {entry.targetId}</Link>;
  }
  if (entry.targetType === 'user') return entry.targetName ?? `User ${entry.targetId ?? ''}`;
  return `${entry.targetType} ${entry.targetId ?? ''}`;
}

/** A broken page link or a day the clocks skip is said on the page, not answered with an error page. */
function readLog(user: SessionUser, query: AuditQuery) {
  try {
    return { ...listAuditLog(user, query), problem: null };
  } catch (error) {
    if (isAppError(error, 'INVALID')) return { items: [], nextCursor: null, problem: error.message };
    throw error;
  }
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireSignedIn('/admin/audit');
  const parsed = AuditQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const { items, nextCursor, problem } = forPage(() => readLog(user, query));
  const people = listUserNames(user);
  const actions = listAuditActions(user);
  const timeZone = env().NEWSROOM_TIMEZONE;

  const filters = new URLSearchParams(
    Object.entries({ ...query, cursor: undefined }).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  ).toString();

  return (
    <main id="content">
      <AdminPageHead title="Audit log" />
      {!parsed.success && (
        <p className="notice notice--error" role="alert">
          Some filters were not understood and are ignored: {parsed.error.issues.map((issue) => issue.message).join('; ')}
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <AuditFilters query={query} people={people} actions={actions} search={filters} />
      {items.length === 0 ? (
        <p className="empty">{query.cursor ? 'No older entries.' : 'Nothing matches these filters.'}</p>
      ) : (
        <table className="table audit-table">
          <caption className="visually-hidden">Audit log entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">About</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => {
              const { what, detail } = describeLogEntry(entry.action, entry.details);
              return (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDeskTime(entry.at, timeZone)}</time>
                  </td>
                  <td className="audit-table__who">
                    {entry.actorName ?? 'Dateline'}
                    {entry.actorEmail && <span className="muted"> {entry.actorEmail}</span>}
                  </td>
                  <td>{what}</td>
                  <td>{targetCell(entry)}</td>
                  <td className="audit-table__detail">{detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="pager">
        {query.cursor && <Link href={`/admin/audit${filters ? `?${filters}` : ''}`}>Newest entries</Link>}
        {nextCursor && <Link href={`/admin/audit?${filters ? `${filters}&` : ''}cursor=${encodeURIComponent(nextCursor)}`}>Older entries</Link>}
      </div>
    </main>
  );
}
