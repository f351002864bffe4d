import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { fieldsMap } from '@/lib/co-editing/article-document';
import { HEADLINE_MAX } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { revisionsOf } from '@/tests/article-rows';
import { sharedArticle } from '@/tests/co-editing-fixtures';
import { makeUser, writtenStory } from '@/tests/factories';
import { getArticle } from '@/server/articles/queries';
import { saveSharedDocument } from './save-shared-document';

const T0 = new Date('2026-12-05T12:00:00Z');
const headline = (doc: Y.Doc) => fieldsMap(doc).get('headline')!;

let writer: SessionUser;
let desk: SessionUser;
let otherWriter: SessionUser;

beforeAll(async () => {
  [writer, desk, otherWriter] = await Promise.all([makeUser('editor', 'Rita Writer'), makeUser('copy_editor', 'Cora Desk'), makeUser('editor', 'Olga Other')]);
});

describe('a co-editor’s save', () => {
  it('folds what everyone typed now, from the stored document when nobody has it open, as a Save of the person who pressed it', () => {
    const story = writtenStory(writer, 'Dam breach', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(desk, (doc) => headline(doc).insert(0, 'Live: '));

    const view = saveSharedDocument(writer, story.id, { mode: 'save' }, T0);
    expect(view).toMatchObject({ headline: 'Live: Dam breach', version: story.version + 1 });
    expect(revisionsOf(story.id).at(-1)).toMatchObject({ kind: 'save', authorId: writer.id, headline: 'Live: Dam breach' });
  });

  it('files the article with the filing sent, even when the text has nothing new', () => {
    const story = writtenStory(writer, 'Bridge inspection', T0);
    sharedArticle(story.id, T0);
    const view = saveSharedDocument(writer, story.id, { mode: 'autosave', filing: { sectionId: null, tags: ['Transport'], authorIds: [] } }, T0);
    expect(view.filing.tags.map((tag) => tag.name)).toEqual(['Transport']);
    expect(revisionsOf(story.id)).toHaveLength(2);
  });

  it('refuses text a save would refuse, naming the field, and keeps the working copy as it was', () => {
    const story = writtenStory(writer, 'Storm', T0);
    const shared = sharedArticle(story.id, T0);
    shared.type(desk, (doc) => headline(doc).insert(0, 'x'.repeat(HEADLINE_MAX)));

    expect(() => saveSharedDocument(writer, story.id, { mode: 'save' }, T0)).toThrow(
      expect.objectContaining({ code: 'INVALID', details: { fields: { headline: [`Headline must be at most ${HEADLINE_MAX} characters`] } } }),
    );
    expect(getArticle(writer, story.id).headline).toBe('Storm');
  });

  it('refuses someone the policy does not let see the article, filing nothing', () => {
    const story = writtenStory(writer, 'Council vote', T0);
    expect(() => saveSharedDocument(otherWriter, story.id, { mode: 'save', filing: { sectionId: null, tags: ['Politics'], authorIds: [] } }, T0)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(getArticle(writer, story.id).filing.tags).toEqual([]);
  });
});
