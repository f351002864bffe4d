import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/app-error';

/**
 * Parses untrusted input or throws INVALID with one message per field. Unknown fields are named
 * in the message, since a form has no place to show them.
 */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of result.error.issues) {
    // Only top-level unknown keys lack a field; one nested inside a field (an extra attribute on a
    // body node) is that field's error.
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      general.push(`Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`);
      continue;
    }
    const field = issue.path[0];
    if (typeof field === 'string') (fields[field] ??= []).push(issue.message);
    else general.push(issue.message);
  }
  const message = general.length > 0 ? general.join('; ') : 'Some fields need attention.';
  throw new AppError('INVALID', message, Object.keys(fields).length > 0 ? { fields } : {});
}
