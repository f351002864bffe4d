import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleTags, photos, tags, wireItems, wireItemVersions, wireSources } from '@/db/schema';
import { bodyPlainText } from '@/lib/editor/body-text';
import type { SessionUser } from '@/lib/session-user';
import { getArticle } from '@/server/articles/queries';
import { publishBlockers } from '@/server/articles/publish-blockers';
import { appErrorFrom, appErrorFromAsync } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { fixtureFolder } from '@/tests/photos-fixtures';
import { IPTC_REFERENCE_PHOTO, newsmlExample, newsmlPackage, newsmlTextItem } from '@/tests/wire-fixtures';
import { ingestWireFile, type PhotoFiles } from './ingest-item';
import { photoFilesBeside } from './photo-files';
import { articleWireState, getWireItem, listWireQueue } from './queries';
import { draftFromWireItem } from './draft-from-wire-item';
import { takeWireVersion } from './take-wire-version';
import { authenticateWireSource, createWireSource, listWireSources, revokeWireSource } from './wire-sources';

const noPhotos: PhotoFiles = async () => null;
let admin: SessionUser;
let editor: SessionUser;

beforeAll(async () => {
  admin = await makeUser('admin');
  editor = await makeUser('editor');
});

function shell() {
  return { sourceId: null, uploader: admin };
}

function rowCounts() {
  const db = getDb();
  return {
    items: db.select({ n: count() }).from(wireItems).get()!.n,
    versions: db.select({ n: count() }).from(wireItemVersions).get()!.n,
    photos: db.select({ n: count() }).from(photos).get()!.n,
  };
}

describe('ingestWireFile', () => {
  it('stores an item once per version: the same version again changes nothing, a newer one updates the queue and both are kept', async () => {
    const guid = 'urn:test:versions';
    const [first] = await ingestWireFile(shell(), newsmlTextItem({ guid, headline: 'Harbour to reopen' }), noPhotos);
    expect(first).toMatchObject({ result: 'stored', version: 1 });
    const before = rowCounts();
    const [again] = await ingestWireFile(shell(), newsmlTextItem({ guid, headline: 'Harbour to reopen' }), noPhotos);
    expect(again).toMatchObject({ result: 'unchanged', wireItemId: first!.wireItemId });
    expect(rowCounts()).toEqual(before);

    await ingestWireFile(shell(), newsmlTextItem({ guid, version: 3, headline: 'Harbour reopens at dawn', signal: 'update' }), noPhotos);
    const [older] = await ingestWireFile(shell(), newsmlTextItem({ guid, version: 2, headline: 'Harbour reopens soon' }), noPhotos);
    expect(older!.result).toBe('older');
    const item = getWireItem(editor, first!.wireItemId);
    expect(item).toMatchObject({ headline: 'Harbour reopens at dawn', version: 3, sourceName: 'Imported file', provider: 'Harbour Wire' });
    expect(item.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(auditEntries({ action: 'wire.ingest', targetId: first!.wireItemId })).toHaveLength(3);
  });

  it('takes IPTC’s examples, and lists and finds them in the queue', async () => {
    for (const name of ['LISTING_1_A_NewsML-G2_News_Item.xml', 'LISTING_2_NewsML-G2_Text_Document.xml', 'LISTING_3_Photo_in_NewsML-G2.xml', 'LISTING_6_Simple_NewsML-G2_Package.xml']) {
      await ingestWireFile(shell(), newsmlExample(name), noPhotos);
    }
    const found = listWireQueue(editor, 'central bank');
    expect(found.map((row) => row.headline)).toEqual(['Fed to halt QE to avert "bubble"']);
    expect(found[0]).toMatchObject({ subjects: 'economy, business and finance · central bank · money and monetary policy', pubStatus: 'usable' });
    expect(listWireQueue(editor, 'zzriureet vendreetue')).toHaveLength(1);
    expect(listWireQueue(editor, '100%')).toEqual([]);
  });

  it('searches the wire as the desk searches: words as prefixes, accents folded, phrases, left-out words', async () => {
    await ingestWireFile(shell(), newsmlTextItem({ guid: 'urn:test:search:1', version: 1, headline: 'Gérasimov meets the quayside board' }), noPhotos);
    await ingestWireFile(shell(), newsmlTextItem({ guid: 'urn:test:search:2', version: 1, headline: 'Quayside board meets again' }), noPhotos);
    const headlines = (search: string) => listWireQueue(editor, search).map((row) => row.headline);
    expect(headlines('gerasim')).toEqual(['Gérasimov meets the quayside board']);
    expect(headlines('quayside board')).toEqual(['Quayside board meets again', 'Gérasimov meets the quayside board']);
    expect(headlines('"board meets"')).toEqual(['Quayside board meets again']);
    expect(headlines('quayside -gerasimov')).toEqual(['Quayside board meets again']);
    expect(headlines('" OR * AND')).toEqual([]);
  });

  it('records a photo it cannot reach as not received, and still takes the item (IPTC’s LISTING 3)', async () => {
    const [outcome] = await ingestWireFile(shell(), newsmlExample('LISTING_3_Photo_in_NewsML-G2.xml').replace('version="11"', 'version="12"'), noPhotos);
    expect(outcome!.photos).toEqual([expect.objectContaining({ photoId: null, problem: 'Not received: the file was not sent with the item.' })]);
  });

  it('takes a package’s photo, beside it, through the photo pipeline with the agency’s caption, credit and rights', async () => {
    const folder = fixtureFolder();
    fs.copyFileSync(IPTC_REFERENCE_PHOTO, path.join(folder, 'harbour.jpg'));
    await ingestWireFile(shell(), newsmlTextItem({ guid: 'urn:test:pkg-text', headline: 'Cranes return to the harbour' }), noPhotos);
    const [outcome] = await ingestWireFile(
      shell(),
      newsmlPackage({ guid: 'urn:test:pkg', textGuid: 'urn:test:pkg-text', photoHref: 'harbour.jpg', caption: 'Cranes at dawn' }),
      photoFilesBeside(folder),
    );
    const photoId = outcome!.photos[0]!.photoId!;
    expect(photoId).toEqual(expect.any(Number));
    const stored = getDb().select().from(photos).where(eq(photos.id, photoId)).get()!;
    // The file's own IPTC metadata is read first; the agency's fills only what it leaves empty.
    expect(stored.caption).not.toBe('');
    expect(stored.copyrightNotice).not.toBe('');
    expect(stored.usageTerms).toBe('Editorial use only');

    const { articleId } = draftFromWireItem(editor, outcome!.wireItemId);
    const article = getArticle(editor, articleId);
    expect(article).toMatchObject({ headline: 'Cranes return to the harbour', leadPhoto: { photoId } });
  });

  it('stores nothing from a bad file, even when its first item was fine', async () => {
    const before = rowCounts();
    const good = newsmlTextItem({ guid: 'urn:test:half', headline: 'Fine' });
    const message = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>${good.replace(/^<\?xml[^>]*>/, '')}<newsItem guid="" version="x"/></itemSet></newsMessage>`;
    const error = await appErrorFromAsync(() => ingestWireFile(shell(), message, noPhotos));
    expect(error.code).toBe('INVALID');
    expect(rowCounts()).toEqual(before);
  });

  it('is an admin’s to run from the shell', async () => {
    const error = await appErrorFromAsync(() => ingestWireFile({ sourceId: null, uploader: editor }, newsmlTextItem({ guid: 'urn:test:x', headline: 'x' }), noPhotos));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('ingest tokens', () => {
  it('are shown once, stored hashed, stamped when used, and refused once revoked', async () => {
    const issued = createWireSource(admin, { name: 'Harbour Wire' });
    const row = getDb().select().from(wireSources).where(eq(wireSources.id, issued.sourceId)).get()!;
    expect(row.tokenHash).not.toContain(issued.token);
    expect(authenticateWireSource(`Bearer ${issued.token}`, new Date('2026-12-05T09:00:00Z'))).toMatchObject({ sourceId: issued.sourceId, uploader: { id: admin.id } });
    expect(listWireSources(admin).find((source) => source.id === issued.sourceId)).toMatchObject({ lastUsedAt: '2026-12-05T09:00:00.000Z', revokedAt: null });

    revokeWireSource(admin, issued.sourceId);
    expect(appErrorFrom(() => authenticateWireSource(`Bearer ${issued.token}`)).code).toBe('UNAUTHENTICATED');
    expect(appErrorFrom(() => authenticateWireSource('Bearer dlw_forged')).code).toBe('UNAUTHENTICATED');
    expect(appErrorFrom(() => authenticateWireSource(null)).code).toBe('UNAUTHENTICATED');
    expect(auditEntries({ action: 'wire.source_revoke', targetId: issued.sourceId })).toHaveLength(1);
  });

  it('are an admin’s to give', () => {
    expect(appErrorFrom(() => createWireSource(editor, { name: 'Sneaky' })).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => createWireSource(admin, { name: ' ' })).code).toBe('INVALID');
  });
});

describe('draftFromWireItem', () => {
  it('makes a draft that keeps the agency’s dateline, byline, subjects and rights', async () => {
    const [stored] = await ingestWireFile(shell(), newsmlTextItem({ guid: 'urn:test:use', headline: 'Ferry strike ends', located: 'Porto' }), noPhotos);
    const { articleId } = draftFromWireItem(editor, stored!.wireItemId);
    const article = getArticle(editor, articleId);
    expect(article).toMatchObject({ headline: 'Ferry strike ends', datelinePlace: 'PORTO', datelineSource: 'Harbour Wire', byline: 'Rita Quay', status: 'draft' });
    const tagNames = getDb()
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, articleId))
      .all()
      .map((row) => row.name);
    expect(tagNames).toEqual(['economy, business and finance', 'ports']);
    expect(articleWireState(getDb(), articleId)).toMatchObject({
      takenVersion: 1,
      copyrightNotice: 'Copyright 2026 Harbour Wire Ltd',
      usageTerms: "Not for use in the harbour's own newsletter",
      newer: null,
    });
    expect(getWireItem(editor, stored!.wireItemId).drafts).toEqual([{ articleId, headline: 'Ferry strike ends', takenVersion: 1 }]);
  });

  it('shows a later version as what changed, which the editor takes; a canceled item blocks publishing and cannot be used again', async () => {
    const guid = 'urn:test:cancel';
    const [stored] = await ingestWireFile(shell(), newsmlTextItem({ guid, headline: 'Dock fire', paragraphs: ['Smoke rose over the dock.'] }), noPhotos);
    const { articleId } = draftFromWireItem(editor, stored!.wireItemId);
    await ingestWireFile(shell(), newsmlTextItem({ guid, version: 2, headline: 'Dock fire', paragraphs: ['Black smoke rose over the dock.'], signal: 'correction' }), noPhotos);
    expect(articleWireState(getDb(), articleId)!.newer).toEqual({ version: 2, signals: ['correction'], before: 'Dock fire\nSmoke rose over the dock.', after: 'Dock fire\nBlack smoke rose over the dock.' });

    const taken = takeWireVersion(editor, articleId, { wireVersion: 2 });
    expect(bodyPlainText(taken.body)).toBe('Black smoke rose over the dock.');
    expect(articleWireState(getDb(), articleId)).toMatchObject({ takenVersion: 2, newer: null });
    expect(appErrorFrom(() => takeWireVersion(editor, articleId, { wireVersion: 2 })).code).toBe('CONFLICT');
    expect(auditEntries({ action: 'article.take_wire_version', targetId: articleId })).toHaveLength(1);

    await ingestWireFile(shell(), newsmlTextItem({ guid, version: 3, headline: 'Dock fire', pubStatus: 'canceled' }), noPhotos);
    expect(publishBlockers(getDb(), articleId).map((blocker) => blocker.message)).toContain('The agency canceled the wire item this story is made from.');
    expect(appErrorFrom(() => draftFromWireItem(editor, stored!.wireItemId)).message).toBe('The agency has canceled this item: it cannot be used.');
  });

  it('keeps a story from an embargoed item from publishing until the embargo lifts', async () => {
    const [stored] = await ingestWireFile(shell(), newsmlTextItem({ guid: 'urn:test:embargo', headline: 'Budget leak', embargoed: '2030-01-01T12:00:00Z' }), noPhotos);
    const { articleId } = draftFromWireItem(editor, stored!.wireItemId);
    const blocked = publishBlockers(getDb(), articleId, new Date('2029-12-31T00:00:00Z'));
    expect(blocked).toEqual([expect.objectContaining({ field: 'wire', problem: 'embargoed', message: 'The wire copy is embargoed until 12:00 GMT 01.01.2030.' })]);
    expect(publishBlockers(getDb(), articleId, new Date('2030-01-01T12:00:01Z'))).toEqual([]);
  });
});
