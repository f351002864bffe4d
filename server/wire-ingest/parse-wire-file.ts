import { AppError } from '@/lib/app-error';
import { WireItem } from '@/lib/wire/wire-item';
import { parseNewsml } from './parse-newsml';
import { parseNinjs } from './parse-ninjs';

/**
 * The items in one file an agency sent, whichever format it is in (NewsML-G2 XML or ninjs JSON, told
 * apart by their first character, as a mislabelled upload is common), each checked against the one
 * shape Dateline stores.
 */
export function parseWireFile(text: string): WireItem[] {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  const items = start === '<' ? parseNewsml(text) : start === '{' ? [parseNinjs(text)] : null;
  if (items === null) throw new AppError('INVALID', 'The file is neither NewsML-G2 XML nor ninjs JSON.');
  return items.map((item) => {
    const parsed = WireItem.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID', `The item “${item.guid}” cannot be stored: ${issue?.path.join('.') || 'item'}: ${issue?.message}.`);
  });
}
