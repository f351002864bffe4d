import type { RevisionKind } from './domain-constants';

/** A writer's text kept as a "save" revision when they took the other side of a conflict. */
export const CONFLICT_COPY_NOTE = 'Conflict copy';

const KIND_LABELS: Record<RevisionKind, string> = {
  create: 'Created',
  save: 'Saved',
  autosave: 'Autosaved',
  submit: 'Submitted for review',
  approve: 'Approved',
  return: 'Returned to writer',
  publish: 'Published',
  update: 'Update published',
  correction: 'Correction published',
  minor_fix: 'Minor fix published',
  restore: 'Restored',
};

/** What a revision was, as the history names it. */
export function revisionLabel(kind: RevisionKind, changeNote: string | null): string {
  return kind === 'save' && changeNote === CONFLICT_COPY_NOTE ? 'Conflict copy' : KIND_LABELS[kind];
}

/**
 * One line of an article's history: one revision, or a run of one person's consecutive autosaves
 * shown together (`firstNumber`…`number`, `count` of them). Times are ISO-8601 UTC.
 */
export type HistoryEntry = {
  number: number;
  firstNumber: number;
  count: number;
  kind: RevisionKind;
  label: string;
  authorName: string;
  /** Everyone else whose typing in the shared document the entry holds (decision 023), by name. */
  coAuthorNames: string[];
  createdAt: string;
  firstCreatedAt: string;
  changeNote: string | null;
  publicNote: string | null;
  /** What the public page shows now. */
  live: boolean;
  /** The newest revision: what the desk edits. */
  working: boolean;
};

/** Newest first; `nextCursor` is the revision number to continue below, null on the last page. */
export type HistoryPage = { entries: HistoryEntry[]; nextCursor: number | null };
