import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { articleCollabStates, articleCollabUpdates, revisionContributors } from '@/db/schema';
import { draftOfDocument } from '@/lib/co-editing/article-body-document';
import { bodyFragment, fieldsMap } from '@/lib/co-editing/article-document';
import type { SessionUser } from '@/lib/session-user';
import { HEADLINE_MAX } from '@/lib/domain-constants';
import { sharedArticle } from '@/tests/co-editing-fixtures';
import { revisionsOf } from '@/tests/article-rows';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { getArticle } from '@/server/articles/queries';
import { AUTOSAVE_FOLD_MS, saveArticle } from '@/server/articles/save-article';
import { listHistory } from '@/server/revisions/list-revisions';
import { restoreRevision } from '@/server/revisions/restore-revision';
import { foldArticleDocument } from './fold-document';
import { installOpenDocuments } from './follow-working-copy';
import { loadArticleDocument } from './load-document';

const T0 = new Date('2026-12-05T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let writer: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  [writer, desk] = await Promise.all([makeUser('editor', 'Rita Writer'), makeUser('copy_editor', 'Cora Desk')]);
});

const headline = (doc: Y.Doc) => fieldsMap(doc).get('headline')!;
const pendingUpdates = (articleId: number) => getDb().select().from(articleCollabUpdates).where(eq(articleCollabUpdates.articleId, articleId)).all();
const contributorsOf = (revisionId: number) =>
  getDb()
    .select({ userId: revisionContributors.userId })
    .from(revisionContributors)
    .where(eq(revisionContributors.revisionId, revisionId))
    .all()
    .map((row) => row.userId)
    .sort();

describe('folding the shared document into the working copy', () => {
  it('makes one autosave revision naming everyone who typed, and merges their updates into the stored state', () => {
    const story = writtenStory(writer, 'Ferry strike', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(writer, (doc) => headline(doc).insert('Ferry strike'.length, ' ends'));
    shared.type(desk, (doc) => headline(doc).insert(0, 'Breaking: '));

    // The story was created (revision 1) and saved (2): the fold is revision 3.
    expect(foldArticleDocument(story.id, shared.server, later(1_000))).toEqual({ folded: true, revisionNumber: 3, contributors: [writer.id, desk.id] });
    const working = getArticle(writer, story.id);
    expect(working).toMatchObject({ headline: 'Breaking: Ferry strike ends', version: story.version + 1 });
    const latest = revisionsOf(story.id).at(-1)!;
    expect(latest).toMatchObject({ number: 3, kind: 'autosave', authorId: desk.id });
    expect(contributorsOf(latest.id)).toEqual([writer.id, desk.id].sort());
    expect(pendingUpdates(story.id)).toEqual([]);
    expect(foldArticleDocument(story.id, shared.server, later(2_000))).toEqual({ folded: false, why: 'nothing-new' });
    // The history names the last to type as the author, with everyone else who typed in it.
    expect(listHistory(writer, story.id).entries[0]).toMatchObject({ number: 3, authorName: desk.name, coAuthorNames: [writer.name] });
  });

  it('makes a Save its own revision under the person who pressed it, naming the others who typed', () => {
    const story = writtenStory(writer, 'Ferry strike', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(desk, (doc) => headline(doc).insert(0, 'Breaking: '));
    foldArticleDocument(story.id, shared.server, later(1_000));
    shared.type(desk, (doc) => headline(doc).insert('Breaking: Ferry strike'.length, ' ends'));

    expect(foldArticleDocument(story.id, shared.server, later(2_000), writer.id)).toMatchObject({ folded: true, revisionNumber: 4 });
    expect(revisionsOf(story.id).at(-1)).toMatchObject({ number: 4, kind: 'save', authorId: writer.id });
    expect(listHistory(writer, story.id).entries[0]).toMatchObject({ number: 4, label: 'Saved', authorName: writer.name, coAuthorNames: [desk.name] });

    // Saved again with nothing typed since: a revision all the same, naming nobody else.
    expect(foldArticleDocument(story.id, shared.server, later(3_000), desk.id)).toEqual({ folded: true, revisionNumber: 5, contributors: [] });
    expect(listHistory(writer, story.id).entries[0]).toMatchObject({ number: 5, label: 'Saved', authorName: desk.name, coAuthorNames: [] });
  });

  it('folds into its own recent revision, adding who typed since, and starts a new one after the autosave window', () => {
    const story = writtenStory(writer, 'Council vote', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(writer, (doc) => headline(doc).insert(0, 'Live: '));
    foldArticleDocument(story.id, shared.server, later(1_000));
    shared.type(desk, (doc) => headline(doc).insert(headline(doc).length, ' tonight'));
    expect(foldArticleDocument(story.id, shared.server, later(2_000))).toMatchObject({ folded: true, revisionNumber: 3 });
    expect(contributorsOf(revisionsOf(story.id).at(-1)!.id)).toEqual([writer.id, desk.id].sort());

    shared.type(writer, (doc) => headline(doc).insert(0, '» '));
    expect(foldArticleDocument(story.id, shared.server, later(1_000 + AUTOSAVE_FOLD_MS))).toMatchObject({ folded: true, revisionNumber: 4 });
    expect(revisionsOf(story.id).map((revision) => revision.number)).toEqual([1, 2, 3, 4]);
  });

  it('never rewrites a person’s own autosave: the first fold after it is a revision of its own', () => {
    const story = writtenStory(writer, 'Harbour fire', T0);
    const autosaved = saveArticle(writer, story.id, { ...storyFields('Harbour fire spreads'), version: story.version, mode: 'autosave' }, T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(desk, (doc) => headline(doc).insert(0, 'Update: '));
    expect(foldArticleDocument(story.id, shared.server, later(1_000))).toMatchObject({ folded: true, revisionNumber: 4 });
    expect(revisionsOf(story.id).find((revision) => revision.number === 3)).toMatchObject({ kind: 'autosave', authorId: writer.id, headline: 'Harbour fire spreads' });
    expect(getArticle(writer, story.id).version).toBe(autosaved.version + 1);
  });

  it('keeps the updates and the working copy when the merged text is one a save would refuse', () => {
    const story = writtenStory(writer, 'Long headline', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(writer, (doc) => headline(doc).insert(0, 'x'.repeat(HEADLINE_MAX)));

    const outcome = foldArticleDocument(story.id, shared.server, later(1_000));
    expect(outcome).toMatchObject({ folded: false, why: 'refused' });
    expect(getArticle(writer, story.id)).toMatchObject({ headline: 'Long headline', version: story.version });
    expect(pendingUpdates(story.id)).toHaveLength(1);
  });

  it('after a crash, rebuilds the document from the stored state and the unfolded updates, without writing the text twice', () => {
    const story = writtenStory(writer, 'Storm warning', T0);
    const before = sharedArticle(story.id, T0);
    before.type(writer, (doc) => headline(doc).insert(0, 'Red '));
    foldArticleDocument(story.id, before.server, later(1_000));
    before.type(desk, (doc) => headline(doc).insert(headline(doc).length, ' for the coast'));
    const paragraphs = bodyFragment(before.server).length;
    // The process dies here: the last update was acknowledged (stored) but never folded.

    const after = new Y.Doc();
    expect(loadArticleDocument(after, story.id, later(5_000))).toBe(true);
    expect(headline(after).toString()).toBe('Red Storm warning for the coast');
    expect(bodyFragment(after).length).toBe(paragraphs);
    expect(foldArticleDocument(story.id, after, later(6_000))).toMatchObject({ folded: true, contributors: [desk.id] });
    expect(getArticle(writer, story.id).headline).toBe('Red Storm warning for the coast');

    const stored = getDb().select().from(articleCollabStates).where(eq(articleCollabStates.articleId, story.id)).get()!;
    const fromState = new Y.Doc();
    Y.applyUpdate(fromState, stored.state);
    expect(Y.encodeStateAsUpdate(fromState)).toEqual(Y.encodeStateAsUpdate(after));
  });

  it('takes a restore made while people edit as an ordinary change, which reaches the open document and makes no second revision', () => {
    const story = writtenStory(writer, 'Bridge closed', T0);
    const shared = sharedArticle(story.id, T0);
    const notices: unknown[] = [];
    installOpenDocuments({
      apply: (articleId, update) => articleId === story.id && (Y.applyUpdate(shared.server, update), true),
      fold: () => null,
      announce: (...notice) => notices.push(notice),
    });
    try {
      shared.type(desk, (doc) => headline(doc).insert(0, 'Old bridge '));
      foldArticleDocument(story.id, shared.server, later(1_000));
      const revisionsBefore = revisionsOf(story.id).length;

      const restored = restoreRevision(writer, story.id, 2, { version: getArticle(writer, story.id).version, fields: ['headline'] }, later(2_000));
      expect(restored.headline).toBe('Bridge closed');
      expect(headline(shared.server).toString()).toBe('Bridge closed');
      expect(notices).toEqual([[story.id, { kind: 'article-changed' }]]);
      expect(foldArticleDocument(story.id, shared.server, later(3_000))).toEqual({ folded: false, why: 'same-as-working-copy' });
      expect(revisionsOf(story.id)).toHaveLength(revisionsBefore + 1);
    } finally {
      installOpenDocuments(undefined);
    }
  });

  it('keeps a save through the JSON API in the stored document when nobody has it open', () => {
    const story = writtenStory(writer, 'Rail strike', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(desk, (doc) => headline(doc).insert(0, 'Live: '));
    foldArticleDocument(story.id, shared.server, later(1_000));

    saveArticle(writer, story.id, { ...storyFields('Rail strike called off'), version: getArticle(writer, story.id).version }, later(2_000));
    const reopened = new Y.Doc();
    loadArticleDocument(reopened, story.id, later(3_000));
    expect(headline(reopened).toString()).toBe('Rail strike called off');
    expect(draftOfDocument(reopened).body).toEqual(getArticle(writer, story.id).body);
  });
});

