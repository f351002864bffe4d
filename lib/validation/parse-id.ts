import { AppError } from '@/lib/app-error';

/** A path segment that must be a positive integer id; anything else is simply not found. */
export function parseId(raw: string, what: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new AppError('NOT_FOUND', `No ${what} with id “${raw.slice(0, 40)}”.`);
  return Number(raw);
}
