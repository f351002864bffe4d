import 'server-only';
import { getDb } from '@/db/client';
import { newsroomSettings } from '@/db/schema';
import { CHANGES_CREDIT_KEY } from '@/lib/public/surrogate-keys';
import type { SessionUser } from '@/lib/session-user';
import { NewsroomSettingsInput } from '@/lib/validation/newsroom-settings';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import type { NewsroomSettings } from './queries';

/** An admin's change of the newsroom's settings; every What changed page prints it, so all of them are purged. */
export function saveNewsroomSettings(user: SessionUser, input: unknown): NewsroomSettings {
  assertCan(user, 'settings:manage');
  const settings = parseInput(NewsroomSettingsInput, input);
  return getDb().transaction((tx) => {
    tx.insert(newsroomSettings)
      .values({ id: 1, ...settings })
      .onConflictDoUpdate({ target: newsroomSettings.id, set: settings })
      .run();
    recordPublicChange(tx, [CHANGES_CREDIT_KEY]);
    recordAudit(tx, { actorId: user.id, action: 'settings.save', targetType: 'settings', targetId: null, details: settings });
    return settings;
  });
}
