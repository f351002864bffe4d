import { AppError } from '@/lib/app-error';

/** A wire item's own file (XML or JSON) may be this large; its photos are capped by the photo pipeline. */
export const MAX_WIRE_FILE_BYTES = 2_000_000;

export function wireFileTooLarge(): AppError {
  return new AppError('TOO_LARGE', `The item is larger than ${MAX_WIRE_FILE_BYTES / 1e6} MB, the most a wire item may be.`);
}

/** A date-time the agency sent, as ISO 8601 UTC; null when absent; INVALID when it is not a date. */
export function wireDate(value: string | undefined, field: string): string | null {
  if (!value) return null;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) throw new AppError('INVALID', `The item's ${field} “${value}” is not a date and time.`);
  return date.toISOString();
}
