import { describeAuditEntry } from './article-audit';
import { ROLE_LABELS, type Role } from './domain-constants';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const roleLabel = (value: unknown): string => ROLE_LABELS[value as Role] ?? String(value);
const linkKind = (details: Record<string, unknown>) => (details.link === 'invite' ? 'an invite link' : 'a reset link');

function released(details: Record<string, unknown>): string | null {
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  const locks = count(details.releasedLocks);
  const claims = count(details.releasedClaims);
  if (locks + claims === 0) return null;
  return `Released ${locks} edit ${locks === 1 ? 'lock' : 'locks'} and ${claims} review ${claims === 1 ? 'claim' : 'claims'}`;
}

/** "Old → New" for a rename, the name alone otherwise, with the address move if there was one. */
function renamed(details: Record<string, unknown>): string | null {
  const name = details.from === details.to ? text(details.to) : `${String(details.from)} → ${String(details.to)}`;
  const address = text(details.fromSlug) && text(details.toSlug) ? ` (address ${String(details.fromSlug)} → ${String(details.toSlug)})` : '';
  return name && `${name}${address}`;
}

/**
 * Any audit entry in the desk's words: the people, sign-in and photo entries here, and the
 * article and comment ones as the article's own trail words them.
 */
export function describeLogEntry(action: string, details: Record<string, unknown> | null): { what: string; detail: string | null } {
  const d = details ?? {};
  switch (action) {
    case 'user.create':
      return { what: d.invited ? 'Invited a user' : 'Created a user', detail: text(d.email) && `${String(d.email)} as ${roleLabel(d.role)}` };
    case 'user.change_role':
      return { what: 'Changed a role', detail: `${roleLabel(d.from)} → ${roleLabel(d.to)}` };
    case 'user.disable':
      return { what: 'Disabled an account', detail: released(d) };
    case 'user.enable':
      return { what: 'Enabled an account', detail: null };
    case 'user.reset_password':
      return { what: 'Reset a password', detail: `Issued ${linkKind(d)}` };
    case 'user.set_password':
      return { what: 'Set their password', detail: `With ${linkKind(d)}` };
    case 'user.change_password':
      return { what: 'Changed their password', detail: null };
    case 'user.rename':
      return { what: 'Changed their name', detail: text(d.from) && text(d.to) ? `${String(d.from)} → ${String(d.to)}` : null };
    case 'session.sign_in':
      return { what: 'Signed in', detail: null };
    case 'photo.upload':
      return { what: 'Uploaded a photo', detail: null };
    case 'photo.update':
      return { what: 'Edited a photo’s details', detail: null };
    case 'tag.create':
      return { what: 'Created a tag', detail: text(d.name) };
    case 'tag.edit':
      return { what: 'Edited a tag', detail: renamed(d) };
    case 'tag.merge':
      return { what: 'Merged tags', detail: `${String(d.from)} into ${String(d.into)}` };
    case 'section.create':
      return { what: 'Created a section', detail: text(d.name) };
    case 'section.edit':
      return { what: 'Edited a section', detail: renamed(d) };
    case 'section.reorder':
      return { what: 'Reordered the sections', detail: Array.isArray(d.order) ? d.order.join(', ') : null };
    case 'author.create':
      return { what: d.staff ? 'Created a staff author profile' : 'Created a contributor', detail: text(d.name) };
    case 'author.edit':
      return { what: 'Edited an author profile', detail: renamed(d) };
    case 'settings.save':
      return { what: 'Changed the newsroom’s settings', detail: d.changesCredit === 'desk' ? `What changed credits: ${text(d.deskName) ?? ''}` : 'What changed credits: by role' };
    case 'wire.ingest':
      return { what: 'Received a wire item', detail: text(d.guid) && `${String(d.guid)}, version ${String(d.version)}` };
    case 'wire.source_create':
      return { what: 'Gave a wire source an ingest token', detail: text(d.name) };
    case 'wire.source_revoke':
      return { what: 'Revoked a wire source’s token', detail: text(d.name) };
    default:
      return describeAuditEntry(action, details);
  }
}
