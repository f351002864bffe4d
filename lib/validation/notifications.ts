import { z } from 'zod';

const NOTIFICATION_PAGE_MAX = 50;
const MARK_READ_MAX_IDS = 200;

export const NotificationListQuery = z.strictObject({
  // The cursor is the id of the last notification shown (see listNotifications).
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'That page link is broken; start again from the first page.')
    .transform(Number)
    .optional(),
  limit: z.coerce
    .number({ error: 'Limit must be a whole number' })
    .int('Limit must be a whole number')
    .min(1, `Limit must be from 1 to ${NOTIFICATION_PAGE_MAX}`)
    .max(NOTIFICATION_PAGE_MAX, `Limit must be from 1 to ${NOTIFICATION_PAGE_MAX}`)
    .optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const MarkNotificationsReadInput = z.union(
  [
    z.strictObject({ ids: z.array(z.number().int().positive()).max(MARK_READ_MAX_IDS) }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { error: `Send { "ids": [...] } with at most ${MARK_READ_MAX_IDS} notification ids, or { "all": true }.` },
);
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;
