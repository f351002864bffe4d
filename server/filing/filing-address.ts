import 'server-only';
import { AppError } from '@/lib/app-error';
import { slugFromHeadline } from '@/lib/slug';

/**
 * The address a section, tag or author takes: the one typed, else the name spelled in ASCII. A
 * name with nothing to spell (emoji, Chinese) needs one typed, said beside the field.
 */
export function addressFor(typed: string, name: string): string {
  const slug = typed || slugFromHeadline(name);
  if (!slug) throw new AppError('INVALID', 'Some fields need attention.', { fields: { slug: ['This name has no letters to make an address from; type one, like world-news.'] } });
  return slug;
}

/** A name or address another row already has, refused beside its field. */
export function takenError(field: 'name' | 'slug' | 'userId', message: string): AppError {
  return new AppError('CONFLICT', message, { fields: { [field]: [message] } });
}
