import 'server-only';
// Server-only on purpose: the list is a few hundred kilobytes and must never reach a browser bundle.
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '@/lib/app-error';
import { MIN_PASSWORD_LENGTH } from '@/lib/validation/user';

let commonPasswords: Set<string> | undefined;

/** zxcvbn-ts's list of leaked passwords, lower-cased; shorter ones are refused by length already. */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].filter((word) => word.length >= MIN_PASSWORD_LENGTH));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * The rules past length (which zod checks): not one of the passwords attackers try first, and not
 * the person's own email, the first thing anyone guesses. Throws INVALID on the `password` field.
 */
export function assertAcceptablePassword(password: string, email: string): void {
  const problem = isCommonPassword(password)
    ? 'That password is on a list of common passwords; choose another'
    : password.trim().toLowerCase() === email.trim().toLowerCase()
      ? 'Your password cannot be your email address'
      : null;
  if (problem) throw new AppError('INVALID', 'Choose another password.', { fields: { password: [problem] } });
}
