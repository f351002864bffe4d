import 'server-only';
import { describeLogEntry } from '@/lib/audit-wording';
import { toCsv } from '@/lib/csv';
import type { AuditLogEntry } from './list-audit';

const HEADER = ['Time (UTC)', 'Who', 'Email', 'Action', 'What', 'Detail', 'Target', 'Target id', 'Target name', 'Details (JSON)'];

/**
 * The log as a spreadsheet opens it: the desk's wording beside the raw codes and details, so the
 * file answers questions without the app. A UTF-8 byte-order mark makes Excel read names right.
 */
export function auditLogCsv(entries: readonly AuditLogEntry[]): string {
  const rows = entries.map((entry) => {
    const { what, detail } = describeLogEntry(entry.action, entry.details);
    return [
      entry.at,
      entry.actorName ?? 'Dateline',
      entry.actorEmail,
      entry.action,
      what,
      detail,
      entry.targetType,
      entry.targetId,
      entry.targetName,
      entry.details ? JSON.stringify(entry.details) : null,
    ];
  });
  return `\uFEFF${toCsv([HEADER, ...rows])}`;
}
