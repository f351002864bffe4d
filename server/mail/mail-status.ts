import 'server-only';
import { count, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import type { MailStatus } from '@/lib/mail/mail-kinds';
import type { SessionUser } from '@/lib/session-user';
import { env } from '@/server/env';
import { assertCan } from '@/server/policy';

/** Mail as the admin screens show it; only an admin may ask. */
export function mailStatus(actor: SessionUser): MailStatus {
  assertCan(actor, 'user:manage');
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL === undefined || MAIL_FROM === undefined) return { on: false };
  const rows = getDb()
    .select({ status: mailOutbox.status, n: count() })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ['queued', 'daily', 'failed']))
    .groupBy(mailOutbox.status)
    .all();
  const of = (status: string) => rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.n, 0);
  return { on: true, from: MAIL_FROM, waiting: of('queued') + of('daily'), failed: of('failed') };
}
