import { UPDATE_KIND_LABELS, type UpdateKind } from './domain-constants';

/** One line of an article's audit trail, as its page shows it. `at` is ISO-8601 UTC. */
export type ArticleAuditEntry = {
  id: number;
  at: string;
  /** Null when Dateline itself acted (the scheduler). */
  actorName: string | null;
  action: string;
  details: Record<string, unknown> | null;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const revision = (details: Record<string, unknown>) => (typeof details.revision === 'number' ? ` (revision ${details.revision})` : '');
const nameOf = (value: unknown): string => text((value as { name?: unknown } | null)?.name) ?? 'someone';

const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : []);

function filingDetail(d: Record<string, unknown>): string {
  const tags = names(d.tags);
  const authors = names(d.authors);
  return [
    `Section: ${text(d.section) ?? 'none'}`,
    `Tags: ${tags.length > 0 ? tags.join(', ') : 'none'}`,
    `Authors: ${authors.length > 0 ? authors.join(', ') : 'none'}`,
  ].join('; ');
}

/** Who acted, in the desk's words: a person, someone holding a preview link, or Dateline itself (the scheduler). */
export function describeAuditActor(entry: Pick<ArticleAuditEntry, 'actorName' | 'action'>): string {
  if (entry.actorName !== null) return entry.actorName;
  return entry.action === 'preview.open' ? 'Reader of a preview link' : 'Dateline (scheduler)';
}

/**
 * What an audit entry means in the desk's words, and the detail worth reading (a note, an
 * address); unknown actions are shown by their code rather than hidden.
 */
export function describeAuditEntry(action: string, details: Record<string, unknown> | null): { what: string; detail: string | null } {
  const d = details ?? {};
  switch (action) {
    case 'article.create':
      if (typeof d.wireGuid === 'string') return { what: 'Started the story from wire copy', detail: `${d.wireGuid}, version ${String(d.wireVersion)}` };
      return { what: d.format === 'live' ? 'Started the live story' : 'Started the story', detail: null };
    case 'article.take_wire_version':
      return { what: 'Took a newer version of its wire copy', detail: `Version ${String(d.wireVersion)}` };
    case 'article.save':
      return { what: `Saved${revision(d)}`, detail: null };
    case 'article.autosave':
      return { what: `Autosaved${revision(d)}`, detail: null };
    case 'article.keep_mine':
      return { what: `Kept their text over a conflicting version${revision(d)}`, detail: null };
    case 'article.conflict_copy':
      return { what: `Kept their text as a conflict copy${revision(d)}`, detail: null };
    case 'article.lock.take_over':
      return { what: `Took over editing from ${nameOf(d.from)}`, detail: null };
    case 'article.submit':
      return { what: `Submitted for review${revision(d)}`, detail: text(d.note) };
    case 'article.return':
      return { what: `Returned to the writer${revision(d)}`, detail: text(d.note) };
    case 'article.approve':
      return { what: `Approved${revision(d)}`, detail: text(d.note) };
    case 'article.publish': {
      const kind = d.kind === 'publish' || typeof d.kind !== 'string' ? 'Published' : `Published: ${UPDATE_KIND_LABELS[d.kind as UpdateKind] ?? d.kind}`;
      return { what: `${kind}${d.via === 'schedule' ? ' on schedule' : ''}${revision(d)}`, detail: text(d.note) };
    }
    case 'article.schedule':
      return { what: 'Scheduled', detail: text(d.localTime) && text(d.timeZone) ? `${String(d.localTime).replace('T', ' ')} ${String(d.timeZone)}` : null };
    case 'article.schedule.failed':
      return { what: 'Scheduled publish failed', detail: text(d.reason) };
    case 'article.unschedule':
      return { what: 'Unscheduled', detail: null };
    // The reason stays in the audit log's record for the admins and lawyers who ask; the story's trail, open to
    // anyone who may see the story, names only the words.
    case 'article.legal_removal':
      return { what: 'Removed words for legal reasons', detail: text(d.text) };
    case 'article.withdraw':
      return { what: 'Withdrew the story', detail: text(d.note) };
    case 'article.slug':
      return { what: 'Changed the address', detail: text(d.from) && text(d.to) ? `/news/${String(d.from)} → /news/${String(d.to)}` : null };
    case 'article.restore':
      return { what: `Restored revision ${String(d.from)}${revision(d)}`, detail: Array.isArray(d.fields) ? `Parts: ${d.fields.join(', ')}` : null };
    case 'article.claim':
      return { what: d.from ? `Claimed for review, from ${nameOf(d.from)}` : 'Claimed for review', detail: null };
    case 'article.unclaim':
      return { what: 'Let the review go', detail: null };
    case 'article.search_social':
      return { what: 'Changed the search and social fields', detail: text(d.seoTitle) && `SEO title: ${String(d.seoTitle)}` };
    case 'preview.create':
      return { what: d.shows === 'latest' ? 'Made a preview link to the latest working copy' : 'Made a preview link to this version', detail: null };
    case 'preview.revoke':
      return { what: 'Revoked a preview link', detail: null };
    case 'preview.open':
      return { what: `Preview link opened${revision(d)}`, detail: null };
    case 'article.file':
      return { what: 'Filed the story', detail: filingDetail(d) };
    case 'live.start':
      return { what: 'Made it a live story', detail: null };
    case 'live.end':
      return { what: 'Ended live coverage', detail: null };
    case 'live.key_points':
      return { what: 'Changed the key points', detail: Array.isArray(d.keyPoints) ? d.keyPoints.join(' · ') || '(none)' : null };
    case 'live.entry.post':
      return { what: `Posted entry ${String(d.entry)}`, detail: null };
    case 'live.entry.edit':
      return { what: `Edited entry ${String(d.entry)} (version ${String(d.revision)})`, detail: null };
    case 'live.entry.pin':
      return { what: `Pinned entry ${String(d.entry)}`, detail: null };
    case 'live.entry.unpin':
      return { what: `Unpinned entry ${String(d.entry)}`, detail: null };
    case 'live.entry.remove':
      return { what: `Removed entry ${String(d.entry)}`, detail: null };
    case 'comment.add':
      return { what: 'Commented', detail: null };
    case 'comment.resolve':
      return { what: 'Resolved a comment thread', detail: null };
    case 'comment.reopen':
      return { what: 'Reopened a comment thread', detail: null };
    default:
      return { what: action, detail: null };
  }
}
