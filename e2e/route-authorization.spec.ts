import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, type Browser, test as base, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { publishedStory, saveStory, takeStep, uploadedPhoto } from './api-fixtures';
import { newAuthor, newSection } from './filing-fixtures';
import { newPersonMeanwhile, type Person, signInAndWaitForDesk, storageStateOf } from './people';
import { newsmlTextItem } from '../tests/wire-fixtures';
import { importFromShell } from './wire-fixtures';

/**
 * Every page, route handler and server action in app/, found by walking the folders when the suite
 * runs, tried without a session, as each role, as the writer of a draft and another writer, and as
 * a disabled account. A route missing from ROUTES fails the suite: a new route is covered, or the
 * suite says it is not. Authorization is what is checked, not validation: an allowed request may
 * answer 400 or 409 for the placeholder body, but never 401, 403 or 404.
 */

const APP = path.join(process.cwd(), 'app');

type Viewer = 'anonymous' | 'disabled' | 'writer' | 'editor' | 'copy_editor' | 'admin';
const VIEWERS: Viewer[] = ['anonymous', 'disabled', 'writer', 'editor', 'copy_editor', 'admin'];

/** What a viewer must get: through, sent to sign in (401 / /login), refused (403), or not told it exists (404). */
type Outcome = 'allow' | 'sign-in' | 'forbidden' | 'not-found';

/**
 * Who may reach a route, after lib/permissions.ts and DESIGN.md's table. The [id] article is a
 * draft by `writer` (an editor); `editor` is another editor, who may not see someone else's draft
 * (404, as if it did not exist).
 */
const ACCESS = {
  public: { anonymous: 'allow', disabled: 'allow', writer: 'allow', editor: 'allow', copy_editor: 'allow', admin: 'allow' },
  'signed-in': { anonymous: 'sign-in', disabled: 'sign-in', writer: 'allow', editor: 'allow', copy_editor: 'allow', admin: 'allow' },
  /** article:read/edit:own for the writer, :any for the copy desk and admins. */
  'the draft': { anonymous: 'sign-in', disabled: 'sign-in', writer: 'allow', editor: 'not-found', copy_editor: 'allow', admin: 'allow' },
  /** article:review. */
  'copy desk': { anonymous: 'sign-in', disabled: 'sign-in', writer: 'forbidden', editor: 'forbidden', copy_editor: 'allow', admin: 'allow' },
  /** article:submit:own: only the writer sends their draft to the desk; the desk sees it but may not. */
  'the writer': { anonymous: 'sign-in', disabled: 'sign-in', writer: 'allow', editor: 'not-found', copy_editor: 'forbidden', admin: 'forbidden' },
  /** An agency's ingest token, never a session: without one everyone is refused (use-wire-copy.spec.ts sends one). */
  'ingest token': { anonymous: 'sign-in', disabled: 'sign-in', writer: 'sign-in', editor: 'sign-in', copy_editor: 'sign-in', admin: 'sign-in' },
  /** user:manage, audit:read. */
  admin: { anonymous: 'sign-in', disabled: 'sign-in', writer: 'forbidden', editor: 'forbidden', copy_editor: 'forbidden', admin: 'allow' },
} as const satisfies Record<string, Record<Viewer, Outcome>>;
type Access = keyof typeof ACCESS;

/**
 * Every route: `METHOD /path/[param]` → who may reach it. `exempt` says why a route is not tried here.
 */
type RouteExpectation = { access: Access; data?: Record<string, unknown> } | { exempt: string };

/**
 * Valid input for the routes that check it before who may see the article. Every version is
 * stale, so an allowed request answers 409 and changes nothing: the draft stays a draft, and the
 * other editor must still not see it.
 */
const STALE = 999;
const FIELDS = {
  headline: 'Tried by everyone',
  standfirst: '',
  datelinePlace: '',
  datelineSource: '',
  byline: '',
  leadPhoto: null,
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tried.' }] }] },
};

const ROUTES: Record<string, RouteExpectation> = {
  'PAGE /': { access: 'public' },
  'PAGE /corrections': { access: 'public' },
  'PAGE /news/[slug]': { access: 'public' },
  // A story's public history ([slug] is a published story's with an Update; [before] its Update's number, so the older page lists its first publish).
  'PAGE /news/[slug]/changes': { access: 'public' },
  'PAGE /news/[slug]/changes/before/[before]': { access: 'public' },
  'PAGE /section/[slug]': { access: 'public' },
  'PAGE /section/[slug]/before/[before]': { access: 'public' },
  'PAGE /tag/[slug]': { access: 'public' },
  'PAGE /tag/[slug]/before/[before]': { access: 'public' },
  'PAGE /author/[slug]': { access: 'public' },
  'PAGE /author/[slug]/before/[before]': { access: 'public' },
  'PAGE /login': { access: 'public' },
  'PAGE /invite/[token]': { access: 'public' },
  'PAGE /preview/[id]/[token]': { exempt: 'opened by anyone who holds the link, signed in or not; share-a-preview.spec.ts and preview-links.test.ts try forged, revoked, expired and misplaced tokens' },
  'PAGE /desk': { access: 'signed-in' },
  'PAGE /desk/photos': { access: 'signed-in' },
  'PAGE /desk/notifications': { access: 'signed-in' },
  'PAGE /account': { access: 'signed-in' },
  'PAGE /desk/articles/[id]': { access: 'the draft' },
  'PAGE /desk/articles/[id]/audit': { access: 'the draft' },
  'PAGE /desk/articles/[id]/compare': { access: 'the draft' },
  'PAGE /desk/articles/[id]/live': { access: 'the draft' },
  'PAGE /desk/articles/[id]/legal-removals': { access: 'the draft' },
  'PAGE /desk/review': { access: 'copy desk' },
  'PAGE /admin': { access: 'admin' },
  'PAGE /admin/users': { access: 'admin' },
  'PAGE /admin/audit': { access: 'admin' },
  'PAGE /admin/sections': { access: 'admin' },
  'PAGE /admin/tags': { access: 'admin' },
  'PAGE /admin/authors': { access: 'admin' },
  'PAGE /admin/settings': { access: 'admin' },
  'PAGE /admin/wire-sources': { access: 'admin' },
  // wire:read: the whole desk reads the wire ([id] is an item imported from the shell).
  'PAGE /desk/wire': { access: 'signed-in' },
  'PAGE /desk/wire/[id]': { access: 'signed-in' },
  'POST /api/v1/ingest': { access: 'ingest token' },
  // The writer's draft was not made from wire copy: an allowed request is answered 409.
  'POST /api/articles/[id]/wire': { access: 'the draft', data: { wireVersion: 2 } },

  'GET /api/articles': { access: 'signed-in' },
  'POST /api/articles': { access: 'signed-in' },
  'GET /api/articles/[id]': { access: 'the draft' },
  'PUT /api/articles/[id]': { access: 'the draft', data: { ...FIELDS, version: STALE, mode: 'save' } },
  'POST /api/articles/[id]/collab-ticket': { access: 'the draft' },
  'POST /api/articles/[id]/shared-save': { access: 'the draft', data: { mode: 'autosave' } },
  'PUT /api/articles/[id]/slug': { access: 'the draft', data: { slug: 'tried-by-everyone' } },
  'POST /api/articles/[id]/workflow': { access: 'the writer', data: { action: 'submit', version: STALE } },
  'GET /api/articles/[id]/revisions': { access: 'the draft' },
  'POST /api/articles/[id]/revisions/[number]/restore': { access: 'the draft', data: { version: STALE, fields: ['headline'] } },
  'GET /api/articles/[id]/compare': { access: 'the draft' },
  'GET /api/articles/[id]/preview-links': { access: 'the draft' },
  'POST /api/articles/[id]/preview-links': { access: 'the draft', data: { shows: 'latest', hours: 24 } },
  // [linkId] is a link the writer made for their draft; revoking it again is no error.
  'POST /api/articles/[id]/preview-links/[linkId]/revoke': { access: 'the draft' },
  'GET /api/articles/[id]/search-social': { access: 'the draft' },
  'PUT /api/articles/[id]/search-social': { access: 'the draft', data: { seoTitle: 'Tried by everyone', metaDescription: '', socialHeadline: '', socialPhotoId: null } },
  'GET /api/articles/[id]/comments': { access: 'the draft' },
  'POST /api/articles/[id]/comments': { access: 'the draft', data: { body: 'Tried by everyone.' } },
  'PATCH /api/articles/[id]/comments/[commentId]': { access: 'the draft', data: { resolved: false } },
  // The role is checked before the article is looked up, so nobody else learns whether it exists.
  'POST /api/articles/[id]/claim': { access: 'copy desk', data: { claim: true, expectedClaimantId: null } },
  'GET /api/review-queue': { access: 'copy desk' },
  // Under /live, [id] is the writer's live story (a draft, with an entry of theirs): the same people see it.
  'GET /api/articles/[id]/live': { access: 'the draft' },
  'POST /api/articles/[id]/live': { access: 'the draft' },
  'POST /api/articles/[id]/live/end': { access: 'the draft' },
  'PUT /api/articles/[id]/live/key-points': { access: 'the draft', data: { keyPoints: ['Tried by everyone'], basedOn: ['Not the points it has'] } },
  'PUT /api/articles/[id]/live/draft': { access: 'the draft', data: { headline: 'Tried by everyone', body: FIELDS.body, authorIds: [] } },
  // Answered 409 once the end of coverage above has gone through; posts an entry if tried alone.
  'POST /api/articles/[id]/live/entries': { access: 'the draft', data: { headline: '', body: FIELDS.body, authorIds: [] } },
  'GET /api/articles/[id]/live/entries/[entryId]': { access: 'the draft' },
  'PUT /api/articles/[id]/live/entries/[entryId]': { access: 'the draft', data: { headline: '', body: FIELDS.body, authorIds: [], version: STALE } },
  'DELETE /api/articles/[id]/live/entries/[entryId]': { access: 'the draft', data: { version: STALE } },
  // live:entry:pin is checked before the story is looked up.
  'PUT /api/articles/[id]/live/entries/[entryId]/pin': { access: 'copy desk', data: { pinned: true, version: STALE } },
  'GET /api/articles/[id]/live/entries/[entryId]/revisions': { access: 'the draft' },
  'GET /api/notifications': { access: 'signed-in' },
  'POST /api/notifications': { access: 'signed-in' },
  'GET /api/tags': { access: 'signed-in' },
  'GET /api/sections': { access: 'admin' },
  'POST /api/sections': { access: 'admin', data: { name: 'Tried by everyone' } },
  'PUT /api/sections/[id]': { access: 'admin', data: { name: 'Tried by everyone, renamed' } },
  'POST /api/authors': { access: 'admin', data: { name: 'Tried by everyone' } },
  'GET /api/photos': { access: 'signed-in' },
  'POST /api/photos': { access: 'signed-in' },
  'GET /api/photos/[id]': { access: 'signed-in' },
  'PUT /api/photos/[id]': { access: 'signed-in' },
  'GET /api/admin/audit/export': { access: 'admin' },
  'GET /api/health': { access: 'public' },
  'GET /api/v1/articles/[slug]/ninjs': { access: 'public' },
  'GET /feed.xml': { access: 'public' },
  // A live story's feeds of its entries ([slug] is a published live story's: an ordinary one has none, 404).
  'GET /news/[slug]/feed.xml': { access: 'public' },
  'GET /news/[slug]/atom.xml': { access: 'public' },
  'GET /news/[slug]/changes.atom': { access: 'public' },
  'GET /news/[slug]/changes.json': { access: 'public' },
  'GET /section/[slug]/feed.xml': { access: 'public' },
  'GET /section/[slug]/atom.xml': { access: 'public' },
  'GET /tag/[slug]/feed.xml': { access: 'public' },
  'GET /tag/[slug]/atom.xml': { access: 'public' },
  'GET /author/[slug]/feed.xml': { access: 'public' },
  'GET /author/[slug]/atom.xml': { access: 'public' },
  'GET /atom.xml': { access: 'public' },
  'GET /news-sitemap.xml': { access: 'public' },
  'GET /sitemap.xml': { access: 'public' },
  'GET /sitemaps/[child]': { access: 'public' },
  'GET /robots.txt': { access: 'public' },
  'GET /media/photos/[sha256]/[file]': { access: 'public' },
  'GET /api/auth/[...nextauth]': { exempt: 'Auth.js’s own endpoints (sign-in, CSRF token, session); sign-in.spec.ts' },
  'POST /api/auth/[...nextauth]': { exempt: 'Auth.js’s own endpoints, guarded by its CSRF token; sign-in.spec.ts' },
};

/**
 * Every server action: `file#export` → who may run it, and the form it is called with. An action
 * is a public POST endpoint, so each is called directly, as its page's form would call it, by
 * everyone who must be refused; the screens' own specs cover those who may.
 */
type ActionProbe = (fixture: Fixture) => Record<string, string> | null;
const ACTIONS: Record<string, { access: Access; form: ActionProbe } | { access: 'public' }> = {
  'app/login/actions.ts#signInAction': { access: 'public' },
  'app/(desk)/actions.ts#signOutAction': { access: 'public' },
  'app/(desk)/actions.ts#newArticleAction': { access: 'signed-in', form: () => null },
  'app/(desk)/actions.ts#newLiveStoryAction': { access: 'signed-in', form: () => null },
  'app/(desk)/account/actions.ts#renameAction': { access: 'signed-in', form: () => ({ name: 'Renamed By Someone' }) },
  'app/(desk)/account/actions.ts#saveMailPreferencesAction': { access: 'signed-in', form: () => ({ mentioned: 'off', returned: 'immediate', submitted: 'immediate', approved: 'immediate', published: 'immediate', schedule_failed: 'immediate' }) },
  'app/(desk)/account/actions.ts#changePasswordAction': {
    access: 'signed-in',
    form: () => ({ currentPassword: 'x', password: 'a new password nobody chose', confirm: 'a new password nobody chose' }),
  },
  // The Payload class of hole: anyone but an admin making an admin, or a link to someone's account.
  'app/(desk)/admin/users/actions.ts#inviteUserAction': {
    access: 'admin',
    form: () => ({ name: 'Mallory', email: `mallory-${randomUUID().slice(0, 8)}@e2e.example`, role: 'admin' }),
  },
  'app/(desk)/admin/users/actions.ts#changeRoleAction': { access: 'admin', form: (f) => ({ userId: f.writerId, role: 'admin' }) },
  'app/(desk)/admin/users/actions.ts#setDisabledAction': { access: 'admin', form: (f) => ({ userId: f.writerId, disabled: 'true' }) },
  'app/(desk)/admin/users/actions.ts#resetPasswordAction': { access: 'admin', form: (f) => ({ userId: f.writerId }) },
  // Sections, tags and other people's author profiles are an admin's (taxonomy:manage, author:edit:any).
  'app/(desk)/admin/actions.ts#createSectionAction': { access: 'admin', form: () => ({ name: 'Tried by everyone' }) },
  'app/(desk)/admin/actions.ts#editSectionAction': { access: 'admin', form: () => ({ sectionId: '1', name: 'Tried by everyone' }) },
  'app/(desk)/admin/actions.ts#reorderSectionsAction': { access: 'admin', form: () => ({ order: '1' }) },
  'app/(desk)/admin/actions.ts#editTagAction': { access: 'admin', form: () => ({ tagId: '1', name: 'Tried by everyone' }) },
  'app/(desk)/admin/actions.ts#mergeTagsAction': { access: 'admin', form: () => ({ fromId: '1', intoId: '2' }) },
  'app/(desk)/admin/actions.ts#createAuthorAction': { access: 'admin', form: (f) => ({ name: 'Mallory', userId: f.writerId }) },
  // Anyone signed in keeps their own profile; the domain refuses someone else's (save-author.test.ts).
  'app/(desk)/admin/actions.ts#editAuthorAction': { access: 'signed-in', form: () => ({ authorId: '1', name: 'Mallory' }) },
  'app/(desk)/admin/actions.ts#createOwnAuthorProfileAction': { access: 'signed-in', form: () => null },
  'app/(desk)/admin/actions.ts#saveNewsroomSettingsAction': { access: 'admin', form: () => ({ changesCredit: 'desk', deskName: 'Tried by everyone' }) },
  // The removal's own check (article:legal-removal, then the story's visibility); on the writer's draft it is refused as never published.
  'app/(desk)/desk/articles/[id]/legal-removals/actions.ts#removeForLegalReasonsAction': {
    access: 'the draft',
    form: (f) => ({ articleId: f.params.id ?? '', text: 'Tried by everyone', reason: 'Tried' }),
  },
  'app/(desk)/desk/wire/[id]/actions.ts#draftFromWireAction': { access: 'signed-in', form: (f) => ({ wireItemId: f.params.wireItemId ?? '' }) },
  // Only an admin gives an agency a token, or takes one away (wire:manage).
  'app/(desk)/admin/wire-sources/actions.ts#createWireSourceAction': { access: 'admin', form: () => ({ name: 'Mallory Wire' }) },
  'app/(desk)/admin/wire-sources/actions.ts#revokeWireSourceAction': { access: 'admin', form: () => ({ sourceId: '1' }) },
  // The link's token is the credential; a wrong one is refused with a message (issue 7's tests).
  'app/invite/[token]/actions.ts#setPasswordAction': { access: 'public' },
};

// ─── The app tree ────────────────────────────────────────────────────────────────────────────────

type FoundRoute = { key: string; file: string };

/** Folders to URL segments: route groups `(desk)` vanish, private `_folders` hold no routes. */
function walk(dir: string, segments: string[], found: FoundRoute[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_') || entry.name.startsWith('@')) continue;
      walk(full, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name], found);
      continue;
    }
    const url = `/${segments.join('/')}`;
    const file = path.relative(process.cwd(), full);
    if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) found.push({ key: `PAGE ${url}`, file });
    if (/^route\.(ts|js)$/.test(entry.name)) {
      for (const method of exportedMethods(fs.readFileSync(full, 'utf8'))) found.push({ key: `${method} ${url}`, file });
    }
  }
}

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)) {
    methods.add(match[1] ?? '');
  }
  for (const match of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) {
    for (const name of (match[1] ?? '').split(',').map((part) => part.trim())) {
      if (/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name)) methods.add(name);
    }
  }
  return [...methods];
}

function appRoutes(): FoundRoute[] {
  const found: FoundRoute[] = [];
  walk(APP, [], found);
  return found;
}

/** `file#export` for every exported function of every actions.ts ('use server' modules). */
function appActions(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return appActions(full);
    if (entry.name !== 'actions.ts') return [];
    const file = path.relative(process.cwd(), full);
    return [...fs.readFileSync(full, 'utf8').matchAll(/export\s+async\s+function\s+(\w+)/g)].map((match) => `${file}#${match[1]}`);
  });
}

// ─── The fixtures: people and things to point the [params] at ───────────────────────────────────

type Fixture = {
  contexts: Record<Viewer, APIRequestContext>;
  people: { writer: Person; disabled: Person };
  writerId: string;
  params: Record<string, string>;
};

async function contextFor(browser: Browser, viewer: Viewer, people: Fixture['people']): Promise<APIRequestContext> {
  if (viewer === 'anonymous') return (await browser.newContext()).request;
  if (viewer === 'writer' || viewer === 'disabled') {
    const page = await (await browser.newContext()).newPage();
    await signInAndWaitForDesk(page, people[viewer].email);
    return page.context().request;
  }
  return (await browser.newContext({ storageState: storageStateOf(viewer) })).request;
}

/**
 * Disables an account the way the admin's Disable does, straight in the database: this suite
 * must not depend on the people screen's markup, and the session check reads only this column.
 */
function disableAccount(email: string): void {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '', 'dateline.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE users SET disabled_at = ? WHERE email = ?').run(Math.floor(Date.now() / 1000), email);
  } finally {
    db.close();
  }
}

async function json<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function makeFixture(browser: Browser): Promise<Fixture> {
  const [writer, disabled] = await Promise.all([newPersonMeanwhile('editor', 'Wren Writer'), newPersonMeanwhile('editor', 'Dale Disabled')]);
  const people = { writer, disabled };
  const contexts = Object.fromEntries(
    await Promise.all(VIEWERS.map(async (viewer) => [viewer, await contextFor(browser, viewer, people)] as const)),
  ) as Record<Viewer, APIRequestContext>;
  disableAccount(people.disabled.email);

  // The writer's own draft, with a comment, and a photo of theirs.
  const { writer: writerApi, copy_editor: deskApi } = contexts;
  const { id } = await json<{ id: number }>(await writerApi.post('/api/articles'));
  const { authorId } = await json<{ authorId: number }>(await writerApi.get(`/api/articles/${id}`));
  const [comment] = await json<{ id: number }[]>(await writerApi.post(`/api/articles/${id}/comments`, { data: { body: 'Check the figures.' } }));
  const photo = await uploadedPhoto(writerApi);
  const preview = await json<{ link: { id: number } }>(await writerApi.post(`/api/articles/${id}/preview-links`, { data: { shows: 'version', hours: 24 } }));
  // The writer's live story, with an entry of theirs, for the routes under /live.
  const { id: liveId } = await json<{ id: number }>(await writerApi.post('/api/articles'));
  await json(await writerApi.post(`/api/articles/${liveId}/live`));
  const entry = await json<{ id: number }>(
    await writerApi.post(`/api/articles/${liveId}/live/entries`, { data: { headline: 'Checked by everyone', body: FIELDS.body, authorIds: [] } }),
  );
  // A published story, filed in a section, under a tag and by an author, for the public addresses.
  const [section, author] = [await newSection(contexts.admin, 'Authorization'), await newAuthor(contexts.admin, 'Authorization')];
  const published = await publishedStory(deskApi, 'Authorization check', { sectionId: section.id, tags: ['Authorization checks'], authorIds: [author.id] });
  // …and updated once, so its history has an older page.
  const edited = await saveStory(deskApi, published.id, published.version, { headline: published.headline, paragraphs: ['Checked again.'] });
  await takeStep(deskApi, published.id, { action: 'publish', version: edited.version, updateKind: 'update' });
  const [update] = await json<{ entries: { number: number }[] }>(await deskApi.get(`/api/articles/${published.id}/revisions`)).then((page) => page.entries);
  const { filing } = await json<{ filing: { tags: { slug: string }[] } }>(await deskApi.get(`/api/articles/${published.id}`));
  // A published story made live, for the feeds of its entries.
  const live = await publishedStory(deskApi, 'Authorization live');
  await json(await deskApi.post(`/api/articles/${live.id}/live`));

  const wireGuid = `urn:e2e:authorization:${randomUUID()}`;
  const wireItemId = importFromShell(newsmlTextItem({ guid: wireGuid, headline: 'Checked by everyone on the wire' }), wireGuid);

  const params: Record<string, string> = {
    id: String(id),
    wireItemId: String(wireItemId),
    number: '1',
    commentId: String(comment?.id),
    slug: published.slug,
    before: String(published.id),
    sectionSlug: section.slug,
    sectionId: String(section.id),
    tagSlug: filing.tags[0]?.slug ?? '',
    authorSlug: author.slug,
    liveSlug: live.slug,
    changesBefore: String(update?.number),
    sha256: photo.sha256,
    file: '320.webp',
    child: '1.xml',
    token: 'not-a-real-link-token',
    photoId: String(photo.id),
    liveId: String(liveId),
    entryId: String(entry.id),
    linkId: String(preview.link.id),
  };
  return { contexts, people, writerId: String(authorId), params };
}

/** One set of people and things per worker, shared by both tables of checks below. */
const test = base.extend<object, { fixture: Fixture }>({
  fixture: [async ({ browser }, provide) => provide(await makeFixture(browser)), { scope: 'worker' }],
});

/**
 * The URL with its [params] filled: [id] is the article's but under /api/photos (the writer's
 * photo), /api/sections (the story's section) and a live desk's addresses (the writer's live
 * story); a list's [slug] is the section's, tag's or author's, and a story's feed's [slug] a
 * published live story's.
 */
function fill(key: string, params: Record<string, string>): string {
  const url = key.slice(key.indexOf(' ') + 1);
  const own: Record<string, Record<string, string | undefined>> = {
    '/api/photos/': { id: params.photoId },
    '/api/articles/[id]/live': { id: params.liveId },
    '/desk/articles/[id]/live': { id: params.liveId },
    '/api/sections/': { id: params.sectionId },
    '/desk/wire/': { id: params.wireItemId },
    '/section/': { slug: params.sectionSlug },
    '/tag/': { slug: params.tagSlug },
    '/author/': { slug: params.authorSlug },
    '/news/[slug]/changes': { slug: params.slug, before: params.changesBefore },
    '/news/[slug]/': { slug: params.liveSlug },
  };
  const special = Object.entries(own).find(([prefix]) => url.startsWith(prefix))?.[1] ?? {};
  return url.replace(/\[(\w+)\]/g, (_, name: string) => special[name] ?? params[name] ?? `[${name}]`);
}

// ─── The checks ──────────────────────────────────────────────────────────────────────────────────

async function expectPage(context: APIRequestContext, url: string, outcome: Outcome, label: string): Promise<void> {
  const response = await context.get(url);
  const landed = new URL(response.url()).pathname;
  if (outcome === 'sign-in') {
    expect(landed, label).toBe('/login');
    return;
  }
  const status = { allow: 200, forbidden: 403, 'not-found': 404 }[outcome];
  expect(response.status(), label).toBe(status);
  if (url !== '/login') expect(landed, `${label}: not sent to sign in`).not.toBe('/login');
}

async function expectApi(context: APIRequestContext, request: { method: string; url: string; data?: unknown }, outcome: Outcome, label: string): Promise<void> {
  const { method, url, data = {} } = request;
  const response = await context.fetch(url, { method, data: method === 'GET' ? undefined : data, maxRedirects: 0 });
  const status = response.status();
  if (outcome === 'allow') {
    expect([401, 403, 404], `${label} → ${status}`).not.toContain(status);
    expect(status, `${label} → ${status}`).toBeLessThan(500);
    return;
  }
  const expected = { 'sign-in': [401, 'UNAUTHENTICATED'], forbidden: [403, 'FORBIDDEN'], 'not-found': [404, 'NOT_FOUND'] }[outcome];
  expect(status, label).toBe(expected[0]);
  expect(((await response.json()) as { error: { code: string } }).error.code, label).toBe(expected[1]);
}

test('every route in app/ has its expectations, and every expectation its route', () => {
  const found = new Set(appRoutes().map(({ key }) => key));
  const missing = [...found].filter((key) => !(key in ROUTES));
  expect(missing, 'routes without expectations: add them to ROUTES').toEqual([]);
  const gone = Object.keys(ROUTES).filter((key) => !found.has(key));
  expect(gone, 'expectations for routes that no longer exist').toEqual([]);

  const actions = new Set(appActions());
  expect([...actions].filter((key) => !(key in ACTIONS)), 'server actions without expectations: add them to ACTIONS').toEqual([]);
  expect(Object.keys(ACTIONS).filter((key) => !actions.has(key)), 'expectations for server actions that no longer exist').toEqual([]);
});

test.describe('each route, for each kind of visitor', () => {
  const present = new Set(appRoutes().map(({ key }) => key));

  for (const [key, route] of Object.entries(ROUTES)) {
    if ('exempt' in route) continue;
    test(key, async ({ fixture }) => {
      test.skip(!present.has(key), `${key} is not in the app yet`);
      const url = fill(key, fixture.params);
      const method = key.slice(0, key.indexOf(' '));
      for (const viewer of VIEWERS) {
        const outcome = ACCESS[route.access][viewer];
        const label = `${key} as ${viewer} (${url})`;
        if (method === 'PAGE') await expectPage(fixture.contexts[viewer], url, outcome, label);
        else await expectApi(fixture.contexts[viewer], { method, url, data: route.data }, outcome, label);
      }
    });
  }
});

// ─── Server actions, called as their forms call them ─────────────────────────────────────────────

/** React's own encoder for a server action's arguments, as the browser sends them. */
const { encodeReply } = createRequire(__filename)('next/dist/compiled/react-server-dom-turbopack/client.edge') as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

type ActionEntry = { filename?: string; exportedName?: string; workers: Record<string, unknown> };

/** The build's action ids, by `file#export`, with a page that serves each (Next needs one to post to). */
function builtActions(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, ActionEntry> };
  const found = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers).find((name) => name.endsWith('/page'));
    if (!entry.filename || !entry.exportedName || !worker) continue;
    const page = worker.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^/]+\)/g, '') || '/';
    found.set(`${entry.filename}#${entry.exportedName}`, { id, page });
  }
  return found;
}

async function callAction(context: APIRequestContext, action: { id: string; page: string }, form: Record<string, string> | null): Promise<APIResponse> {
  const args: unknown[] = [];
  if (form) {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) data.set(name, value);
    // (previous state, form data), as useActionState calls a form's action.
    args.push(undefined, data);
  }
  const body = await encodeReply(args);
  const headers = { 'next-action': action.id, accept: 'text/x-component' };
  return typeof body === 'string'
    ? context.post(action.page, { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, data: body, maxRedirects: 0 })
    : context.post(action.page, { headers, multipart: body, maxRedirects: 0 });
}

test.describe('each server action, for everyone it must refuse', () => {
  const built = builtActions();

  for (const [key, action] of Object.entries(ACTIONS)) {
    if (!('form' in action)) continue;
    test(key, async ({ fixture }) => {
      const target = built.get(key);
      expect(target, `${key} is in the build`).toBeDefined();
      for (const viewer of VIEWERS) {
        const outcome = ACCESS[action.access][viewer];
        if (outcome === 'allow') continue;
        const response = await callAction(fixture.contexts[viewer], target ?? { id: '', page: '' }, action.form(fixture));
        const label = `${key} as ${viewer}`;
        if (outcome === 'sign-in') {
          expect(response.headers()['x-action-redirect'] ?? '', label).toMatch(/^\/login/);
          continue;
        }
        // Refused in the form's own words: an error message, no link, nothing done.
        const text = await response.text();
        expect(response.status(), label).toBe(200);
        expect(text, label).toMatch(/"error":"[^"]+"/);
        expect(text, label).not.toContain('/invite/');
      }
      // And whatever was tried, the writer is still who they were: signed in, an editor.
      expect((await fixture.contexts.writer.get('/admin/users')).status()).toBe(present('PAGE /admin/users') ? 403 : 404);
    });
  }
});

function present(key: string): boolean {
  return appRoutes().some((route) => route.key === key);
}
