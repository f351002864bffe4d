import 'server-only';
import { eq } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { newsroomSettings } from '@/db/schema';
import type { ChangesCredit } from '@/lib/domain-constants';

export type NewsroomSettings = { changesCredit: ChangesCredit; deskName: string };

/** Until an admin saves them: versions are credited by role, which names nobody. */
export const DEFAULT_NEWSROOM_SETTINGS: NewsroomSettings = { changesCredit: 'role', deskName: 'The news desk' };

/** The settings as saved, or the defaults; anyone may read them (the public pages print their effect). */
export function newsroomSettingsNow(db: Db | Tx = getDb()): NewsroomSettings {
  return (
    db.select({ changesCredit: newsroomSettings.changesCredit, deskName: newsroomSettings.deskName }).from(newsroomSettings).where(eq(newsroomSettings.id, 1)).get() ??
    DEFAULT_NEWSROOM_SETTINGS
  );
}
