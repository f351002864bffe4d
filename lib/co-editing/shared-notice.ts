import type { FieldErrors } from '@/lib/app-error';

/**
 * What the server tells everyone in an article's shared document, beside the document itself: the
 * article moved on (a fold, someone's Save, a restore, a JSON API save, a workflow step), so
 * screens read its version, status and history again; or the text as it stands could not be
 * folded into the history, and why.
 */
export type SharedNotice = { kind: 'article-changed' } | { kind: 'not-saved'; problem: string; fields: FieldErrors };

const isFieldErrors = (value: unknown): value is FieldErrors =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((messages) => Array.isArray(messages) && messages.every((message) => typeof message === 'string'));

/**
 * The notice a stateless message carries, or null for anything else (never trusted blindly). Checked
 * by hand rather than with zod, which stays off the editor's first load.
 */
export function readSharedNotice(payload: string): SharedNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { kind, problem, fields } = value as Record<string, unknown>;
  if (kind === 'article-changed') return { kind };
  if (kind === 'not-saved' && typeof problem === 'string' && isFieldErrors(fields)) return { kind, problem, fields };
  return null;
}
