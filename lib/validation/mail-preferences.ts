import { z } from 'zod';
import { MAIL_DELIVERIES, MAIL_KINDS } from '@/lib/mail/mail-kinds';

/** A person's choice for every kind of mail at once, as the /account form sends it. */
export const MailPreferencesInput = z.strictObject(
  Object.fromEntries(MAIL_KINDS.map((kind) => [kind, z.enum(MAIL_DELIVERIES, { error: 'Choose At once, Daily digest or Off.' })])) as Record<
    (typeof MAIL_KINDS)[number],
    z.ZodEnum<{ [K in (typeof MAIL_DELIVERIES)[number]]: K }>
  >,
);
export type MailPreferencesInput = z.infer<typeof MailPreferencesInput>;
