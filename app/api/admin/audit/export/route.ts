import { exportAuditLog } from '@/server/audit/list-audit';
import { auditLogCsv } from '@/server/audit/audit-csv';
import { apiRoute } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

/** The audit log as CSV, with the page's filters (`actor`, `action`, `article`, `from`, `to`). Admins only. */
export const GET = apiRoute(async (request: Request) => {
  const user = await requireUser();
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  const csv = auditLogCsv(exportAuditLog(user, filters));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="dateline-audit-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
