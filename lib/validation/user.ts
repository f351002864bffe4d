import { z } from 'zod';
import { ROLES } from '@/lib/domain-constants';

export const MIN_PASSWORD_LENGTH = 12;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address such as name@newsroom.org').max(320));

export const CreateUserInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1, 'Enter a name').max(120, 'Name must be at most 120 characters'),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}` }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, 'Password must be at most 1024 characters'),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UserIdInput = z.coerce.number({ error: 'Unknown user' }).int().positive();

export const ChangeRoleInput = z.strictObject({
  userId: UserIdInput,
  role: z.enum(ROLES, { error: 'Unknown role' }),
});

export const SetDisabledInput = z.strictObject({
  userId: UserIdInput,
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
