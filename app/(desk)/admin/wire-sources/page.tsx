import type { Metadata } from 'next';
import { AdminPageHead } from '@/components/admin/admin-nav';
import { RevokeWireSourceForm, WireSourceForm } from '@/components/admin/wire-source-form';
import { formatDeskTime } from '@/lib/desk-time';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';
import { listWireSources } from '@/server/wire-ingest/wire-sources';

export const metadata: Metadata = { title: 'Wire sources' };

export default async function WireSourcesPage() {
  const admin = await requireSignedIn('/admin/wire-sources');
  const sources = forPage(() => listWireSources(admin));
  const timeZone = env().NEWSROOM_TIMEZONE;
  return (
    <main id="content">
      <AdminPageHead title="Wire sources" />
      <p className="muted">
        Each agency that sends copy has its own token. Revoking it refuses the agency’s next item; what it sent stays on the wire.
      </p>
      <WireSourceForm />
      {sources.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Wire sources</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Token</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <td>{source.name}</td>
                <td>
                  {formatDeskTime(source.createdAt, timeZone)} by {source.createdByName}
                </td>
                <td>{source.lastUsedAt ? formatDeskTime(source.lastUsedAt, timeZone) : <span className="muted">Never</span>}</td>
                <td>
                  {source.revokedAt ? (
                    <span className="badge badge--disabled">Revoked {formatDeskTime(source.revokedAt, timeZone)}</span>
                  ) : (
                    <RevokeWireSourceForm sourceId={source.id} name={source.name} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
