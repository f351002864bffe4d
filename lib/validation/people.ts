import { z } from 'zod';
import { CreateUserInput } from '@/lib/validation/user';

/** What an admin types to invite someone: the person sets their own password from the link. */
export const InviteUserInput = CreateUserInput.pick({ email: true, name: true, role: true });

const NewPassword = CreateUserInput.shape.password;

/**
 * The token in an invite or reset link: 32 random bytes, base64url. Anything else is a mistyped
 * or tampered link and is refused before the database is asked.
 */
export const PasswordLinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.');

export const SetPasswordInput = z
  .strictObject({ token: PasswordLinkToken, password: NewPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ['confirm'], message: 'The two passwords do not match' });

export const RenameSelfInput = CreateUserInput.pick({ name: true });

export const ChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, 'Enter your current password').max(1024),
    password: NewPassword,
    confirm: z.string(),
  })
  .refine((input) => input.password === input.confirm, { path: ['confirm'], message: 'The two passwords do not match' });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The audit log's filters, as the page's query string and the CSV export carry them. */
export const AuditQuery = z.object({
  actor: optional(z.coerce.number().int().positive()),
  action: optional(z.string().trim().max(100)),
  article: optional(z.coerce.number().int().positive()),
  from: optional(Day),
  to: optional(Day),
  cursor: optional(z.string().max(100)),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
