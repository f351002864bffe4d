import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { MAIL_DELIVERIES, MAIL_KINDS, MAIL_STATUSES, QUEUED_MAIL_KINDS } from '@/lib/mail/mail-kinds';
import { ARTICLE_FORMATS, ARTICLE_STATUSES, CHANGES_CREDITS, LIVE_EVENT_KINDS, NOTIFICATION_KINDS, REVISION_KINDS, ROLES } from '@/lib/domain-constants';

/** Milliseconds since the epoch, UTC; Drizzle hands them back as Date. */
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () =>
  timestamp('created_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-cased; the login form lower-cases too. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Bumped on disable, role change and password reset: every older session is refused. */
    sessionVersion: integer('session_version').notNull().default(1),
    disabledAt: timestamp('disabled_at'),
    lastLoginAt: timestamp('last_login_at'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/**
 * One-time links that let a person set their password: an invite for a new account, or a reset an
 * admin issued. Only the SHA-256 of the token is stored, so a copy of the database opens no account;
 * a link works once, until `expiresAt`, and issuing a new one for the person deletes the old.
 */
export const userTokens = sqliteTable(
  'user_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    /** Hex SHA-256 of the token in the link; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    /** The admin who issued it. */
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [uniqueIndex('user_tokens_hash_unique').on(t.tokenHash), index('user_tokens_user').on(t.userId)],
);

/**
 * The newsroom's sections (Politics, World, Business…): each story is filed in at most one, its
 * primary section, which gives it a public page and feeds at /section/<slug>. `position` orders
 * them on the front page and in menus.
 */
export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    description: text('description').notNull().default(''),
    /** An IPTC Media Topic code ("11000000"), for ninjs subjects and machines. */
    mediaTopic: text('media_topic'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [uniqueIndex('sections_slug_unique').on(t.slug), uniqueIndex('sections_name_unique').on(t.name)],
);

/** A section's former addresses after a rename: each answers 301 to its address now. */
export const sectionRedirects = sqliteTable('section_redirects', {
  fromSlug: text('from_slug').primaryKey(),
  sectionId: integer('section_id')
    .notNull()
    .references(() => sections.id),
  createdAt: createdAt(),
});

/** Free keywords a story is tagged with; any writer adds one on the fly, admins rename and merge. */
export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    mediaTopic: text('media_topic'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [uniqueIndex('tags_slug_unique').on(t.slug), uniqueIndex('tags_name_unique').on(sql`lower(${t.name})`)],
);

/** A tag's former addresses, after a rename or a merge into another tag. */
export const tagRedirects = sqliteTable('tag_redirects', {
  fromSlug: text('from_slug').primaryKey(),
  tagId: integer('tag_id')
    .notNull()
    .references(() => tags.id),
  createdAt: createdAt(),
});

/**
 * The people a byline credits: a staff member (linked to their account) or a contributor with no
 * account. What the public sees of them is only this row, never the account.
 */
export const authors = sqliteTable(
  'authors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null for a contributor without an account. */
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    photoId: integer('photo_id').references(() => photos.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [uniqueIndex('authors_slug_unique').on(t.slug), uniqueIndex('authors_user_unique').on(t.userId)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /** Optimistic-concurrency counter: every write states the version it was based on. */
    version: integer('version').notNull().default(1),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    /** The newest revision: what the desk edits. */
    workingRevisionId: integer('working_revision_id').references((): AnySQLiteColumn => revisions.id),
    /** What the public page shows; null until the first publish. */
    liveRevisionId: integer('live_revision_id').references((): AnySQLiteColumn => revisions.id),
    /** Set once, at the first publish; never moves. */
    firstPublishedAt: timestamp('first_published_at'),
    /** The public "Updated" stamp: moves only for an Update or a Correction, never for a minor fix. */
    updatedAt: timestamp('updated_at'),
    /** When the scheduler is to publish it; kept after a failed attempt to say when it was due. */
    scheduledFor: timestamp('scheduled_for'),
    /** Who scheduled it: the scheduler publishes in their name, and only while they still may. */
    scheduledBy: integer('scheduled_by').references(() => users.id),
    /** Why the last scheduled publish did not happen; null once it is rescheduled or published. */
    scheduleFailure: text('schedule_failure'),
    withdrawnAt: timestamp('withdrawn_at'),
    lastEditedAt: timestamp('last_edited_at').notNull(),
    lastEditedBy: integer('last_edited_by').references(() => users.id),
    // Retired with the soft edit lock (decision 023): nothing reads or writes them. Dropping a column
    // with a foreign key means rebuilding `articles` with its views and search trigger, and SQLite
    // ignores `foreign_keys = OFF` inside the migration's transaction; that waits for a maintenance
    // migration of its own rather than ride along here.
    lockedBy: integer('locked_by').references(() => users.id),
    lockedSince: timestamp('locked_since'),
    lockHeartbeatAt: timestamp('lock_heartbeat_at'),
    /** Who on the copy desk is handling the story's review; cleared when it leaves review. */
    claimedBy: integer('claimed_by').references(() => users.id),
    claimedAt: timestamp('claimed_at'),
    /** The primary section: the article's filing, not its text, so it is not kept per revision. */
    sectionId: integer('section_id').references((): AnySQLiteColumn => sections.id),
    /** A plain story, or a live story: the same article plus a summary and timestamped entries (docs/decisions/021). */
    format: text('format', { enum: ARTICLE_FORMATS }).notNull().default('article'),
    /**
     * When live coverage began if the story was already public when it became live; otherwise its
     * coverage begins with its first publish. Null until it is live.
     */
    coverageStartedAt: timestamp('coverage_started_at'),
    /** Set by End live coverage: the label goes, the streams close, the page becomes an archive. */
    coverageEndedAt: timestamp('coverage_ended_at'),
    /** A live story's key points, as a JSON array of short texts, public as soon as they are saved. */
    keyPoints: text('key_points', { mode: 'json' }).notNull().default(sql`'[]'`).$type<string[]>(),
    /** How many photos of the working copy print no credit at all; kept by the search triggers. */
    uncreditedPhotos: integer('uncredited_photos').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('articles_slug_unique').on(t.slug),
    index('articles_desk_order').on(t.lastEditedAt, t.id),
    index('articles_status_desk_order').on(t.status, t.lastEditedAt, t.id),
    index('articles_author').on(t.authorId),
    index('articles_first_published').on(t.firstPublishedAt),
    index('articles_schedule').on(t.status, t.scheduledFor),
    index('articles_section_published').on(t.sectionId, t.firstPublishedAt),
    index('articles_uncredited_photos')
      .on(t.uncreditedPhotos)
      .where(sql`${t.uncreditedPhotos} > 0`),
  ],
);

/** A published story's former addresses: each answers 301 to the story's address now. */
export const slugRedirects = sqliteTable('slug_redirects', {
  fromSlug: text('from_slug').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references(() => articles.id),
  createdAt: createdAt(),
});

/**
 * One row: a counter bumped in the same transaction as every change the public can see (publish,
 * update, withdrawal, address change, a used photo's credit). Cached public pages are only served
 * while the counter they were rendered at is still current.
 */
export const publicSite = sqliteTable('public_site', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull().default(0),
});

export const photos = sqliteTable(
  'photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Content address: hex SHA-256 of the original bytes. */
    sha256: text('sha256').notNull(),
    /** The file's name on the uploader's machine, without any folder: shown, never used as a path. */
    originalName: text('original_name').notNull().default(''),
    storageKey: text('storage_key').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    caption: text('caption').notNull().default(''),
    photographer: text('photographer').notNull().default(''),
    /** The copyright holder printed first in the credit line. */
    agency: text('agency').notNull().default(''),
    copyrightNotice: text('copyright_notice').notNull().default(''),
    altText: text('alt_text').notNull().default(''),
    /** The agency's media-bank page for this picture. */
    sourceUrl: text('source_url'),
    rightsUrl: text('rights_url'),
    /** The agency's terms of use, from the wire item the photo came with (decision 025). */
    usageTerms: text('usage_terms').notNull().default(''),
    takenAt: timestamp('taken_at'),
    /** Which fields were prefilled from the file's IPTC/XMP/EXIF, and the raw metadata read. */
    metadataJson: text('metadata_json', { mode: 'json' }).$type<Record<string, unknown>>(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** Optimistic-concurrency counter for the library fields, as for articles. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at'),
  },
  (t) => [uniqueIndex('photos_sha256_unique').on(t.sha256), index('photos_library_order').on(t.createdAt, t.id)],
);

export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** 1, 2, 3… within one article. */
    number: integer('number').notNull(),
    kind: text('kind', { enum: REVISION_KINDS }).notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    headline: text('headline').notNull().default(''),
    standfirst: text('standfirst').notNull().default(''),
    datelinePlace: text('dateline_place').notNull().default(''),
    datelineSource: text('dateline_source').notNull().default(''),
    byline: text('byline').notNull().default(''),
    section: text('section').notNull().default(''),
    /** ProseMirror JSON document. */
    body: text('body', { mode: 'json' }).notNull().$type<unknown>(),
    /** Derived from body: search, word count and diffs. */
    bodyText: text('body_text').notNull().default(''),
    leadPhotoId: integer('lead_photo_id').references(() => photos.id),
    leadPhotoCaption: text('lead_photo_caption'),
    leadPhotoCredit: text('lead_photo_credit'),
    /** The desk's note: why it was returned, what an update changed. */
    changeNote: text('change_note'),
    /** A correction's public note, printed at the foot of the article. */
    publicNote: text('public_note'),
  },
  (t) => [
    uniqueIndex('revisions_article_number_unique').on(t.articleId, t.number),
    index('revisions_kind_created').on(t.kind, t.createdAt),
  ],
);

/**
 * Every photo the working copy uses (its lead photo and those in its body) with the caption and
 * credit the story gives it, derived by the search triggers (migration 0007) whenever the working
 * copy changes: it lets a library photo's new caption or credit reach the search index of every
 * story using it, and the desk find stories with a photo nobody credited.
 */
export const articlePhotos = sqliteTable(
  'article_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    photoId: integer('photo_id')
      .notNull()
      .references(() => photos.id),
    caption: text('caption'),
    credit: text('credit'),
  },
  (t) => [index('article_photos_article').on(t.articleId), index('article_photos_photo').on(t.photoId)],
);

/** An article's tags, in the order the desk gave them. */
export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag').on(t.tagId, t.articleId)],
);

/** Who an article credits, in byline order. */
export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.authorId] }), index('article_authors_author').on(t.authorId, t.articleId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** The comment this one replies to; threads are one level deep (a reply to a reply joins its thread). */
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id),
    /** The revision the comment was made on; the thread follows the article. */
    revisionId: integer('revision_id').references(() => revisions.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    /**
     * The passage of the body's plain text the comment points at, if any, with a little text either
     * side (a W3C TextQuoteSelector): enough to find the passage again after later edits.
     */
    quote: text('quote'),
    quotePrefix: text('quote_prefix'),
    quoteSuffix: text('quote_suffix'),
    resolvedAt: timestamp('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('comments_article').on(t.articleId, t.createdAt)],
);

/** Who a comment mentions, resolved when it was written: the names it highlights and notifies. */
export const commentMentions = sqliteTable(
  'comment_mentions',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

/** What the bell shows one person: something happened to a story of theirs or that names them. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** Who did it; null when the system did (the scheduler publishing). */
    actorId: integer('actor_id').references(() => users.id),
    commentId: integer('comment_id').references(() => comments.id),
    createdAt: createdAt(),
    readAt: timestamp('read_at'),
  },
  (t) => [index('notifications_recipient').on(t.recipientId, t.id)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null for the system itself (start-up, scheduler, shell). */
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: createdAt(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_target').on(t.targetType, t.targetId)],
);

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** As typed, lower-cased: attempts against unknown emails count too. */
    email: text('email').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    at: createdAt(),
  },
  (t) => [index('login_attempts_email_at').on(t.email, t.at)],
);

/**
 * Every change the reading public can see, with the surrogate keys of the public responses it
 * changes (lib/public/surrogate-keys.ts), written in the same transaction as the change. Each
 * server process reads the rows after the last one it has seen before serving from its public
 * cache, so several processes on one database stay exact; old rows are pruned by the scheduler.
 */
export const publicChanges = sqliteTable('public_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Space-separated, as in a Surrogate-Key header. */
  keys: text('keys').notNull(),
  at: createdAt(),
});

/**
 * Purges owed to the CDNs in CDN_PURGE_URLS, queued with the change that calls for them and sent
 * by the scheduler with retries, so neither a CDN outage nor a restart loses one.
 */
export const cdnPurges = sqliteTable(
  'cdn_purges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    keys: text('keys').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('cdn_purges_due').on(t.nextAttemptAt)],
);

/**
 * One entry of a live story: its own time, its own text (kept as revisions), pinned or not, and
 * removed rather than deleted, so the history and the audit keep what readers once saw.
 */
export const liveEntries = sqliteTable(
  'live_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** Who posted it: the owner for the `:own` permissions. */
    postedBy: integer('posted_by')
      .notNull()
      .references(() => users.id),
    /** The time printed on it; never moves. */
    postedAt: timestamp('posted_at').notNull(),
    /** The last edit after posting, printed "Updated HH:MM"; null until edited. */
    updatedAt: timestamp('updated_at'),
    /** Optimistic-concurrency counter, as for articles. */
    version: integer('version').notNull().default(1),
    currentRevisionId: integer('current_revision_id').references((): AnySQLiteColumn => liveEntryRevisions.id),
    pinnedAt: timestamp('pinned_at'),
    removedAt: timestamp('removed_at'),
    removedBy: integer('removed_by').references(() => users.id),
  },
  (t) => [index('live_entries_article').on(t.articleId, t.postedAt)],
);

/** Every text an entry has had: what it was posted with, then each edit. */
export const liveEntryRevisions = sqliteTable(
  'live_entry_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references((): AnySQLiteColumn => liveEntries.id),
    number: integer('number').notNull(),
    /** Who wrote this version. */
    editedBy: integer('edited_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    headline: text('headline').notNull().default(''),
    body: text('body', { mode: 'json' }).notNull().$type<unknown>(),
    bodyText: text('body_text').notNull().default(''),
    /** The author profiles the entry credits, in order (JSON array of ids). */
    authorIds: text('author_ids', { mode: 'json' }).notNull().default(sql`'[]'`).$type<number[]>(),
  },
  (t) => [uniqueIndex('live_entry_revisions_number').on(t.entryId, t.number)],
);

/** The entry a person is composing for a live story, autosaved so nothing typed is lost. */
export const liveEntryDrafts = sqliteTable(
  'live_entry_drafts',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    headline: text('headline').notNull().default(''),
    body: text('body', { mode: 'json' }).notNull().$type<unknown>(),
    authorIds: text('author_ids', { mode: 'json' }).notNull().default(sql`'[]'`).$type<number[]>(),
    savedAt: timestamp('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

/**
 * What readers of a live story are sent, in commit order: each row is written in the transaction of
 * the change, with what the stream says about it. Its id is the stream's event id, so a reader who
 * reconnects with Last-Event-ID is sent every row after it; and every server process follows the
 * table, so a change made through one reaches the readers connected to another.
 */
export const liveEvents = sqliteTable(
  'live_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    kind: text('kind', { enum: LIVE_EVENT_KINDS }).notNull(),
    /** The event's data as sent: JSON. */
    data: text('data').notNull(),
    at: timestamp('at').notNull(),
  },
  (t) => [index('live_events_article').on(t.articleId, t.id)],
);

/**
 * Text an editor has removed for legal reasons from every public output of a story, every version
 * of it included (docs/decisions/024). The stored revisions keep their words: the removal is applied
 * to each published text on its way out. Why it was removed is in the audit log, never here.
 */
export const legalRemovals = sqliteTable(
  'legal_removals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** The words as the editor typed them; matched regardless of case and of the spacing between words. */
    text: text('text').notNull(),
    removedBy: integer('removed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('legal_removals_article').on(t.articleId)],
);

/** One row: the newsroom's own choices, kept by admins on /admin/settings. */
export const newsroomSettings = sqliteTable('newsroom_settings', {
  id: integer('id').primaryKey(),
  /** How the "What changed" page names who published each version: by their role, or as the desk. */
  changesCredit: text('changes_credit', { enum: CHANGES_CREDITS }).notNull().default('role'),
  /** The desk's name, printed for every version when `changesCredit` is `desk`. */
  deskName: text('desk_name').notNull().default('The news desk'),
});

/**
 * Co-editing (decision 023): every change to an article's shared Yjs document, stored before the
 * server acknowledges it to the person who typed it, with who that was.
 */
export const articleCollabUpdates = sqliteTable(
  'article_collab_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** A Yjs update (encoding v1), as the client sent it. */
    update: blob('update', { mode: 'buffer' }).notNull(),
    /** Null for the server's own changes: the first state of the document, made from the working copy. */
    userId: integer('user_id').references(() => users.id),
    receivedAt: timestamp('received_at').notNull(),
  },
  (t) => [index('article_collab_updates_article').on(t.articleId, t.id)],
);

/**
 * The shared document with its updates up to `throughUpdateId` merged: the updates after it, applied
 * on top, give the document as it is. Written in the transaction that folds the document into the
 * working revision, so the two can never disagree.
 */
export const articleCollabStates = sqliteTable('article_collab_states', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id),
  state: blob('state', { mode: 'buffer' }).notNull(),
  throughUpdateId: integer('through_update_id').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

/**
 * Everyone whose typing a revision holds. A save or an autosave is one person's, its author; a
 * revision folded from the shared document (decision 023) is everyone's who changed it since the
 * last fold, and names each of them here.
 */
export const revisionContributors = sqliteTable(
  'revision_contributors',
  {
    revisionId: integer('revision_id')
      .notNull()
      .references(() => revisions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.userId] })],
);

// ── Email (issue 19, decision 026): the outgoing mail queue and each person's choices ──

/**
 * Outgoing mail, written in the transaction of the change it reports, and sent by the scheduler's
 * worker with retries and backoff, so a restart or a mail server that is down loses nothing.
 * `content` is what the message says, composed when it was queued (a sentence about a story, a
 * link); a password link's content is erased once it is sent, so the secret does not outlive it.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: QUEUED_MAIL_KINDS }).notNull(),
    status: text('status', { enum: MAIL_STATUSES }).notNull(),
    /** JSON of the composed item; null once a password link has been sent. */
    content: text('content'),
    /** For an item in a daily digest: the digest's own row. */
    digestId: integer('digest_id').references((): AnySQLiteColumn => mailOutbox.id),
    attempts: integer('attempts').notNull().default(0),
    /** When it is next due: to send, to retry, or (a daily item) the digest it waits for. */
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [index('mail_outbox_due').on(t.status, t.nextAttemptAt), index('mail_outbox_digest').on(t.digestId)],
);

/** A person's choice per kind of mail; no row means the default (at once). */
export const mailPreferences = sqliteTable(
  'mail_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    delivery: text('delivery', { enum: MAIL_DELIVERIES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// --- Preview links (decision 027) and search and social fields (decision 028) -----------------

/**
 * A link that shows an unpublished draft or a staged update to someone without an account. Only the
 * hash of its token's random part is kept: the link itself is shown to the person who made it.
 */
export const previewLinks = sqliteTable(
  'preview_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** The revision it shows; null for "always the latest working copy". */
    revisionId: integer('revision_id').references(() => revisions.id),
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    revokedAt: timestamp('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
    lastOpenedAt: timestamp('last_opened_at'),
  },
  (t) => [uniqueIndex('preview_links_token_hash_unique').on(t.tokenHash), index('preview_links_article').on(t.articleId), index('preview_links_revision').on(t.revisionId)],
);

/**
 * What search engines and social networks show of a story, when it should differ from its headline,
 * standfirst and lead photo. The article's presentation, not its text: saved on its own (audited),
 * not per revision, and public at once for a live story.
 */
export const articleSearchSocial = sqliteTable('article_search_social', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id),
  seoTitle: text('seo_title').notNull().default(''),
  metaDescription: text('meta_description').notNull().default(''),
  socialHeadline: text('social_headline').notNull().default(''),
  /** A library photo for the social card instead of the lead photo. */
  socialPhotoId: integer('social_photo_id').references(() => photos.id),
  updatedAt: timestamp('updated_at').notNull(),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => users.id),
});

// ---------------------------------------------------------------------------------------------
// Wire ingest (issue 19, docs/decisions/025): agency items kept verbatim in their own tables, by
// guid and version; an article made from one points back to it.
// ---------------------------------------------------------------------------------------------

/**
 * A wire agency allowed to send items to `POST /api/v1/ingest`. Only the SHA-256 of its token is
 * stored (as for password links): the token is shown once to the admin who made it.
 */
export const wireSources = sqliteTable(
  'wire_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [uniqueIndex('wire_sources_token_unique').on(t.tokenHash)],
);

/** One agency item as the queue lists it: the newest version's fields, for listing and search. */
export const wireItems = sqliteTable(
  'wire_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guid: text('guid').notNull(),
    /** Null for an item imported from the shell (`npm run wire:import`). */
    sourceId: integer('source_id').references(() => wireSources.id),
    /** The newest version received. */
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['text', 'picture', 'package'] }).notNull(),
    headline: text('headline').notNull(),
    slugline: text('slugline').notNull(),
    provider: text('provider').notNull(),
    /** Subject names, joined by " · ", as the queue prints them. */
    subjects: text('subjects').notNull(),
    pubStatus: text('pub_status', { enum: ['usable', 'withheld', 'canceled'] }).notNull(),
    embargoedUntil: timestamp('embargoed_until'),
    /** Headline, slugline, subjects and body text of the newest version, for the queue's search. */
    searchText: text('search_text').notNull(),
    firstReceivedAt: timestamp('first_received_at').notNull(),
    receivedAt: timestamp('received_at').notNull(),
  },
  (t) => [uniqueIndex('wire_items_guid_unique').on(t.guid), index('wire_items_received').on(t.receivedAt, t.id)],
);

/** Every version of an item as it arrived, normalized (lib/wire/wire-item.ts): never changed. */
export const wireItemVersions = sqliteTable(
  'wire_item_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wireItemId: integer('wire_item_id')
      .notNull()
      .references(() => wireItems.id),
    version: integer('version').notNull(),
    item: text('item', { mode: 'json' }).notNull().$type<unknown>(),
    /** What became of the item's photos: the library photo, or why it was not received. */
    photos: text('photos', { mode: 'json' }).notNull().$type<unknown>(),
    receivedAt: timestamp('received_at').notNull(),
  },
  (t) => [uniqueIndex('wire_item_versions_unique').on(t.wireItemId, t.version)],
);

/** The wire item an article was made from, and the version of it the article has taken. */
export const articleWireItems = sqliteTable(
  'article_wire_items',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id),
    wireItemId: integer('wire_item_id')
      .notNull()
      .references(() => wireItems.id),
    takenVersion: integer('taken_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('article_wire_items_item').on(t.wireItemId)],
);
