/** The newsroom's vocabulary, shared by the schema, zod and the UI. */

export const ROLES = ['editor', 'copy_editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: 'Editor',
  copy_editor: 'Copy editor',
  admin: 'Admin',
};

/** How a headline-less draft is named wherever the desk lists it. */
export const UNTITLED_HEADLINE = 'Untitled draft';

/** The longest headline the desk accepts. */
export const HEADLINE_MAX = 300;
/** Headlines past this length are cut off in search results, feeds and social cards. */
export const HEADLINE_ADVISED = 110;

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'withdrawn',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

/** A plain story, or a live story with a summary and timestamped entries (docs/decisions/021). */
export const ARTICLE_FORMATS = ['article', 'live'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/**
 * What a live story's readers are sent: an entry posted, edited, pinned or unpinned (`entry`, the
 * whole entry as it is now), an entry removed, the key points changed, the coverage ended.
 */
export const LIVE_EVENT_KINDS = ['entry', 'remove', 'summary', 'end'] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

export const REVISION_KINDS = [
  'create',
  'save',
  'autosave',
  'submit',
  'approve',
  'return',
  'publish',
  'update',
  'correction',
  'minor_fix',
  'restore',
] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/**
 * How a change to a live story is published. An Update or a Correction moves the public "Updated"
 * stamp (a correction also prints its note at the foot of the story); a Minor fix, a typo, does not:
 * readers trust that "Updated" means the story changed in substance.
 */
export const UPDATE_KINDS = ['update', 'correction', 'minor_fix'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export const UPDATE_KIND_LABELS: Record<UpdateKind, string> = {
  update: 'Update',
  correction: 'Correction',
  minor_fix: 'Minor fix',
};

/**
 * What the bell tells a person about: their story returned, approved or published; a mention.
 * `lock_taken` is only in notifications from before co-editing (decision 023), still shown as they were.
 */
export const NOTIFICATION_KINDS = ['returned', 'approved', 'published', 'mentioned', 'lock_taken'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The update kinds that move the public "Updated" stamp. */
export const STAMP_MOVING_KINDS: readonly UpdateKind[] = ['update', 'correction'];

/** Photo uploads: the byte and pixel caps every file is held to, before any decoding. */
export const PHOTO_MAX_BYTES = 25_000_000;
export const PHOTO_MAX_PIXELS = 50_000_000;
/** What the library accepts, decided from the file's bytes. HEIC is absent: sharp here has no HEVC decoder. */
export const PHOTO_TYPES = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
} as const;
export type PhotoMime = keyof typeof PHOTO_TYPES;

/** How the public "What changed" page names who published a version: by role, or by the desk's name. */
export const CHANGES_CREDITS = ['role', 'desk'] as const;
export type ChangesCredit = (typeof CHANGES_CREDITS)[number];
