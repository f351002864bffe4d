import { NextResponse } from 'next/server';
import { checkHealth } from '@/server/ops/health';

// Every probe must look at the server as it is now.
export const dynamic = 'force-dynamic';

/** For load balancers and monitors: 200 when every check passes, else 503; no sign-in needed. */
export function GET(): Response {
  const report = checkHealth();
  return NextResponse.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
