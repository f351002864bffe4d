import { z } from 'zod';
import { CHANGES_CREDITS } from '@/lib/domain-constants';

/** The newsroom's settings an admin keeps on /admin/settings. */
export const NewsroomSettingsInput = z.strictObject({
  changesCredit: z.enum(CHANGES_CREDITS, { error: 'Choose how the What changed page names who published' }),
  deskName: z.string().trim().min(1, 'Name the desk readers see').max(80, 'At most 80 characters'),
});
export type NewsroomSettingsInput = z.infer<typeof NewsroomSettingsInput>;
