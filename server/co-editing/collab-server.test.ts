import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { articleCollabUpdates } from '@/db/schema';
import { fieldsMap } from '@/lib/co-editing/article-document';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, writtenStory } from '@/tests/factories';
import { submitArticle } from '@/server/articles/review-steps';
import { setUserDisabled } from '@/server/users/update-user-access';
import { issueCollabTicket } from './collab-ticket';
import { COLLAB_PATH, createCollabServer, type CollabServer } from './collab-server';
import { loadArticleDocument } from './load-document';

const RECHECK_MS = 100;
const MAX_UPDATE_BYTES = 64 * 1024;

let admin: SessionUser;
let writer: SessionUser;
let desk: SessionUser;
let collab: CollabServer;
let server: http.Server;
let url: string;
const providers: HocuspocusProvider[] = [];

beforeAll(async () => {
  [admin, writer, desk] = await Promise.all([makeUser('admin'), makeUser('editor', 'Rita Writer'), makeUser('copy_editor', 'Cora Desk')]);
  collab = createCollabServer({ maxUpdateBytes: MAX_UPDATE_BYTES, recheckMs: RECHECK_MS });
  server = http.createServer((_request, response) => response.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${COLLAB_PATH}`;
});

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

afterAll(async () => {
  collab.closeAll();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What a client saw of its connection: for the assertions to wait on. */
type Joined = { provider: HocuspocusProvider; doc: Y.Doc; refusals: string[]; closes: { code: number; reason: string }[] };

/** A person's editor joining the article, with a fresh ticket on every (re)connection, as the browser's will. */
function join(user: SessionUser, articleId: number, token: () => string = () => issueCollabTicket(user, articleId).ticket): Joined {
  const doc = new Y.Doc();
  const joined: Joined = { provider: undefined as unknown as HocuspocusProvider, doc, refusals: [], closes: [] };
  joined.provider = new HocuspocusProvider({
    url,
    name: `article:${articleId}`,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => joined.refusals.push(reason),
    onClose: ({ event }) => joined.closes.push({ code: event.code, reason: event.reason }),
  });
  providers.push(joined.provider);
  return joined;
}

const synced = (joined: Joined) => expect.poll(() => joined.provider.isSynced && !joined.provider.hasUnsyncedChanges).toBe(true);
const headlineOf = (joined: Joined) => fieldsMap(joined.doc).get('headline')?.toString();
const storedUpdates = (articleId: number) => getDb().select().from(articleCollabUpdates).where(eq(articleCollabUpdates.articleId, articleId)).all();

describe('co-editing over the WebSocket', () => {
  it('shows each editor what the other types, and has stored every update once it is acknowledged', async () => {
    const story = writtenStory(writer, 'Ferry strike');
    const [rita, cora] = [join(writer, story.id), join(desk, story.id)];
    await synced(rita);
    await synced(cora);
    expect(headlineOf(cora)).toBe('Ferry strike');

    fieldsMap(rita.doc).get('headline')!.insert('Ferry strike'.length, ' ends');
    await expect.poll(() => headlineOf(cora)).toBe('Ferry strike ends');
    fieldsMap(cora.doc).get('headline')!.insert(0, 'Breaking: ');
    await synced(cora);
    await synced(rita);
    expect(headlineOf(rita)).toBe('Breaking: Ferry strike ends');

    // Acknowledged means stored: loaded from the database alone, the document says the same.
    const rebuilt = new Y.Doc();
    expect(loadArticleDocument(rebuilt, story.id)).toBe(true);
    expect(fieldsMap(rebuilt).get('headline')?.toString()).toBe('Breaking: Ferry strike ends');
    expect(storedUpdates(story.id).map((row) => row.userId)).toEqual(expect.arrayContaining([writer.id, desk.id]));
  });

  it('lets someone who may only read watch, and keeps and sends on nothing they type', async () => {
    const story = writtenStory(writer, 'Council vote');
    submitArticle(writer, story.id, { version: story.version });
    const [rita, cora] = [join(writer, story.id), join(desk, story.id)];
    await synced(cora);
    await expect.poll(() => rita.provider.authorizedScope).toBe('readonly');
    const before = storedUpdates(story.id).length;

    fieldsMap(rita.doc).get('headline')!.insert(0, 'Sneaky ');
    fieldsMap(cora.doc).get('headline')!.insert(0, 'Live: ');
    await synced(cora);
    await expect.poll(() => headlineOf(rita)).toContain('Live: ');
    expect(headlineOf(cora)).toBe('Live: Council vote');
    expect(storedUpdates(story.id)).toHaveLength(before + 1);
  });

  it('refuses a forged, an expired or another article’s ticket, saying which', async () => {
    const story = writtenStory(writer, 'Harbour fire');
    const other = writtenStory(writer, 'Harbour smoke');
    const valid = issueCollabTicket(writer, story.id).ticket;
    const forged = join(writer, story.id, () => `${valid.split('.')[0]}.${'A'.repeat(43)}`);
    const expired = join(writer, story.id, () => issueCollabTicket(writer, story.id, new Date(Date.now() - 120_000)).ticket);
    const elsewhere = join(writer, story.id, () => issueCollabTicket(writer, other.id).ticket);
    await expect.poll(() => [forged.refusals, expired.refusals, elsewhere.refusals]).toEqual([['forged-ticket'], ['expired-ticket'], ['wrong-article']]);
    // A refused client is sent nothing of the article.
    expect(headlineOf(forged)).toBeUndefined();
  });

  it('disconnects someone within a second of their account being disabled, and refuses them after', async () => {
    const reporter = await makeUser('editor', 'Dana Disabled');
    const story = writtenStory(reporter, 'Late edit');
    const dana = join(reporter, story.id, () => issueCollabTicket(reporter, story.id).ticket);
    await synced(dana);

    const disabledAt = Date.now();
    setUserDisabled(admin, reporter.id, true);
    await expect.poll(() => dana.closes.map((close) => close.code)).toContain(4403);
    expect(Date.now() - disabledAt).toBeLessThan(1_000);
    // Its reconnection asks for a ticket, which is no longer given: the editor stays out.
    await expect.poll(() => dana.refusals.length).toBeGreaterThan(0);
    expect(dana.provider.isAuthenticated).toBe(false);
  });

  it('drops a client that writes outside the article, keeping the document as it was', async () => {
    const story = writtenStory(writer, 'Storm warning');
    const [rita, cora] = [join(writer, story.id), join(desk, story.id)];
    await synced(rita);
    await synced(cora);
    const before = storedUpdates(story.id).length;

    rita.doc.getMap('evil').set('payload', '<script>alert(1)</script>');
    await expect.poll(() => rita.closes.map((close) => close.reason)).toContain('unknown-root');
    fieldsMap(cora.doc).get('headline')!.insert(0, 'Update: ');
    await synced(cora);
    expect(storedUpdates(story.id)).toHaveLength(before + 1);
    expect(cora.doc.share.has('evil')).toBe(false);
  });

  it('refuses an update over the size limit, storing nothing of it', async () => {
    const story = writtenStory(writer, 'Long read');
    const rita = join(writer, story.id);
    await synced(rita);
    const before = storedUpdates(story.id).length;

    fieldsMap(rita.doc).get('standfirst')!.insert(0, 'x'.repeat(MAX_UPDATE_BYTES + 10));
    await expect.poll(() => rita.closes.length).toBeGreaterThan(0);
    expect(storedUpdates(story.id)).toHaveLength(before);
  });

  it('cuts off a client flooding the others with presence, and passes none of the flood on', async () => {
    const story = writtenStory(writer, 'Flood defences');
    const [rita, cora] = [join(writer, story.id), join(desk, story.id)];
    await synced(rita);
    await synced(cora);
    let changesSeenByCora = 0;
    cora.provider.awareness!.on('change', () => (changesSeenByCora += 1));

    for (let move = 0; move < 200; move++) rita.provider.setAwarenessField('cursor', { move });
    await expect.poll(() => rita.closes.map((close) => close.reason)).toContain('awareness-flood');
    // Cora saw at most what came before the limit, never the two hundred moves.
    expect(changesSeenByCora).toBeLessThan(100);
    // The others go on as before.
    fieldsMap(cora.doc).get('headline')!.insert(0, 'Live: ');
    await synced(cora);
    expect(headlineOf(cora)).toBe('Live: Flood defences');
  });
});
