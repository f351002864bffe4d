import type { FilingName } from '@/lib/filing';

/** The profiles an entry credits, by id, named from the desk's list (one since deleted keeps its number). */
export function namedAuthors(ids: readonly number[], choices: readonly FilingName[]): FilingName[] {
  return ids.map((id) => choices.find((choice) => choice.id === id) ?? { id, name: `Author ${id}`, slug: '' });
}

/** Ctrl+Enter, or Cmd+Enter on a Mac: send what is written. */
export function isSubmitShortcut(event: { ctrlKey: boolean; metaKey: boolean; key: string }): boolean {
  return (event.ctrlKey || event.metaKey) && event.key === 'Enter';
}
