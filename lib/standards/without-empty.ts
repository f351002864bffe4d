/**
 * The record without its empty values. Structured-data readers take `""` or `[]` as a value given
 * (a blank caption, a story with no authors), where a missing property means only "not stated".
 */
export function withoutEmpty<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as Partial<T>;
}
