import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser } from '@/tests/factories';
import { changeUserRole } from '@/server/users/update-user-access';
import { auditLogCsv } from './audit-csv';
import { exportAuditLog, listAuditActions, listAuditLog } from './list-audit';

let admin: SessionUser;
let hostile: SessionUser;

/** Entries at fixed times, so the time filters have something to cut. */
function entry(action: string, at: string, targetId: string | null = null, actorId: number | null = admin.id) {
  getDb().insert(auditLog).values({ actorId, action, targetType: 'article', targetId, details: null, at: new Date(at) }).run();
}

beforeAll(async () => {
  admin = await makeUser('admin', 'Audit Admin');
  hostile = await makeUser('editor', '=HYPERLINK("http://evil.example","<b>click</b>")');
  for (let day = 1; day <= 9; day += 1) entry('article.save', `2026-03-0${day}T12:00:00Z`, String(day));
  entry('article.publish', '2026-03-05T23:30:00Z', '5', hostile.id);
});

describe('the audit log', () => {
  it('pages newest first by keyset, without repeats or gaps', () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = listAuditLog(admin, { cursor }, 4);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = exportAuditLog(admin, {}).map((item) => item.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by actor, action, article and a day range in the newsroom’s zone (UTC here), inclusive of the last day', () => {
    // An empty field, as the filter form sends it, is no filter.
    expect(exportAuditLog(admin, { actor: String(hostile.id), action: '' }).map((e) => e.action)).toEqual(['article.publish']);
    expect(exportAuditLog(admin, { action: 'article.publish' })).toHaveLength(1);
    expect(exportAuditLog(admin, { article: '5' }).map((e) => e.action)).toEqual(['article.publish', 'article.save']);
    const range = exportAuditLog(admin, { from: '2026-03-03', to: '2026-03-05' });
    expect(range.map((e) => e.targetId)).toEqual(['5', '5', '4', '3']);
    expect(range[0]).toMatchObject({ actorName: hostile.name, actorEmail: hostile.email });
  });

  it('names the person a user entry is about', async () => {
    const target = await makeUser('copy_editor', 'Role Target');
    changeUserRole(admin, target.id, 'editor');
    const [latest] = exportAuditLog(admin, { action: 'user.change_role' });
    expect(latest).toMatchObject({ targetType: 'user', targetId: String(target.id), targetName: 'Role Target' });
  });

  it('refuses bad filters and tampered cursors (INVALID), and non-admins (FORBIDDEN)', () => {
    expect(appErrorFrom(() => listAuditLog(admin, { from: '5 March' })).code).toBe('INVALID');
    expect(appErrorFrom(() => listAuditLog(admin, { article: 'abc' })).code).toBe('INVALID');
    expect(appErrorFrom(() => listAuditLog(admin, { cursor: 'not-a-cursor' })).code).toBe('INVALID');
    expect(appErrorFrom(() => listAuditLog(hostile, {})).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => exportAuditLog(hostile, {})).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => listAuditActions(hostile)).code).toBe('FORBIDDEN');
    expect(listAuditActions(admin)).toEqual(expect.arrayContaining(['article.publish', 'article.save', 'user.create']));
  });
});

describe('the CSV export', () => {
  it('neutralises formula injection in names and keeps hostile HTML as inert text', () => {
    const csv = auditLogCsv(exportAuditLog(admin, { action: 'article.publish' }));
    expect(csv.startsWith('\uFEFF"Time (UTC)","Who","Email","Action","What"')).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""<b>click</b>"")"`);
    expect(row).toContain('"Published"');
    expect(row).not.toMatch(/(^|,)"=/);
  });
});
