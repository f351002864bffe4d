/** The newsroom's vocabulary, shared by the schema, zod and the UI. */

export const ROLES = ['editor', 'copy_editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: 'Editor',
  copy_editor: 'Copy editor',
  admin: 'Admin',
};

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
  'restore',
] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

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
