import type { RevisionKind } from './domain-constants';
import type { RevisionDiff } from './revisions/revision-diff';

/** A side of a comparison, named the way the history names it. `createdAt` is ISO-8601 UTC. */
export type ComparedRevision = {
  number: number;
  kind: RevisionKind;
  label: string;
  authorName: string;
  createdAt: string;
  live: boolean;
  working: boolean;
};

export type RevisionComparison = { from: ComparedRevision; to: ComparedRevision; diff: RevisionDiff };
