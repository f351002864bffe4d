import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, publicChanges } from '@/db/schema';
import { LEGAL_REMOVAL_PLACEHOLDER } from '@/lib/legal-removals/redact';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { findStoryChanges } from '@/server/story-changes/find-story-changes';
import {
  findPublicArticle,
  latestPublicArticles,
  latestPublicHeadlines,
  latestPublicTeasers,
  listPublicCorrections,
  resolvePublicAddress,
} from '@/server/public/queries';
import { entryFields, publishedLiveStory } from '@/tests/live-fixtures';
import { postEntry } from '@/server/live-coverage/post-entry';
import { liveEventsOfStory } from '@/server/live-coverage/queries';
import { listLegalRemovals } from './queries';
import { removeForLegalReasons } from './remove-for-legal-reasons';

let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wren Writer');
  otherWriter = await makeUser('editor', 'Olu Other');
  desk = await makeUser('copy_editor', 'Dana Desk');
});

/** A story that named someone in its first version, and corrected a figure later. */
function storyNaming(name: string) {
  const headline = `${name} questioned over fraud`;
  const story = writtenStory(writer, headline, new Date(), `Police questioned ${name} on Monday.\nThe fraud cost 3 million.`);
  const first = publishArticle(desk, story.id, { version: story.version });
  const saved = saveArticle(desk, story.id, { ...storyFields(headline, `Police questioned ${name} on Monday.\nThe fraud cost 4 million.`), version: first.version });
  return publishArticle(desk, story.id, { version: saved.version, updateKind: 'correction', correction: `The fraud cost 4 million, not 3, ${name}'s lawyer said.` });
}

/** Where a story is now: an address that spelled removed words moved. */
function addressNow(slug: string): string {
  const address = resolvePublicAddress(slug);
  return address.kind === 'moved' ? address.slug : slug;
}

describe('removing words for legal reasons', () => {
  it('takes them out of every public read of the story, every version included', () => {
    const story = storyNaming('Jonas Quillfeather');
    removeForLegalReasons(writer, story.id, { text: 'jonas  quillfeather', reason: 'Court order 12/2026' });
    const slug = addressNow(story.slug!);
    expect(slug).toBe('removed-for-legal-reasons-questioned-over-fraud');
    const everything = JSON.stringify([
      findPublicArticle(slug),
      latestPublicArticles(50),
      latestPublicTeasers(50),
      latestPublicHeadlines(50, new Date(0)),
      listPublicCorrections(),
      findStoryChanges(slug),
    ]);
    expect(everything).not.toMatch(/quillfeather/i);
    expect(everything).toContain(LEGAL_REMOVAL_PLACEHOLDER);
    expect(findPublicArticle(slug)!.headline).toBe(`${LEGAL_REMOVAL_PLACEHOLDER} questioned over fraud`);
    // The desk's own copy keeps the words: the removal is applied on the way out.
    expect(listLegalRemovals(desk, story.id)).toEqual([expect.objectContaining({ text: 'jonas  quillfeather', removedByName: 'Wren Writer' })]);
  });

  it('keeps the reason in the audit log, and purges every response showing the story', () => {
    const story = storyNaming('Petra Vantongeren');
    removeForLegalReasons(desk, story.id, { text: 'Petra Vantongeren', reason: 'Injunction served today' });
    const entry = getDb().select().from(auditLog).all().findLast((row) => row.action === 'article.legal_removal')!;
    expect(entry).toMatchObject({ action: 'article.legal_removal', targetId: String(story.id), details: expect.objectContaining({ reason: 'Injunction served today' }) });
    expect(getDb().select().from(publicChanges).all().map((change) => change.keys)).toContain(`story-${story.id}`);
    expect(JSON.stringify(findStoryChanges(addressNow(story.slug!)))).not.toContain('Injunction');
  });

  it('offers a withdrawn story’s history until the removals leave nothing of it', () => {
    const story = storyNaming('Ilse Marrowby');
    const withdrawn = withdrawArticle(desk, story.id, { version: story.version, note: 'Legal.' });
    expect(resolvePublicAddress(withdrawn.slug!)).toMatchObject({ kind: 'withdrawn', historyShown: true });
    removeForLegalReasons(desk, story.id, { text: 'Ilse Marrowby', reason: 'Order' });
    expect(resolvePublicAddress(addressNow(withdrawn.slug!))).toMatchObject({ kind: 'withdrawn', headline: `${LEGAL_REMOVAL_PLACEHOLDER} questioned over fraud`, historyShown: true });
    removeForLegalReasons(desk, story.id, { text: 'questioned over fraud', reason: 'Order' });
    // A removal is matched within a paragraph, as readers read it: one removal per paragraph.
    removeForLegalReasons(desk, story.id, { text: 'Police questioned Ilse Marrowby on Monday.', reason: 'Order' });
    removeForLegalReasons(desk, story.id, { text: 'The fraud cost 4 million.', reason: 'Order' });
    expect(() => removeForLegalReasons(desk, story.id, { text: 'on Monday. The fraud', reason: 'Order' })).toThrow('in no version');
    removeForLegalReasons(desk, story.id, { text: `About Ilse Marrowby questioned over fraud`, reason: 'Order' });
    expect(resolvePublicAddress(addressNow(withdrawn.slug!))).toMatchObject({ kind: 'withdrawn', historyShown: false });
  });

  it('takes them out of a live story’s entries and the events its readers’ streams replay', () => {
    // Named only in an entry: the story's own text does not have the words.
    const story = publishedLiveStory(writer, desk, 'Harbour live: an arrest');
    postEntry(desk, story.id, entryFields('Brannoc Elswyth in court', 'Brannoc Elswyth appeared in court.'));
    removeForLegalReasons(desk, story.id, { text: 'Brannoc Elswyth', reason: 'Order' });
    expect(JSON.stringify(findPublicArticle(story.slug)!.live)).not.toContain('Elswyth');
    const events = liveEventsOfStory(story.id, 0, Number.MAX_SAFE_INTEGER, 100);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('Elswyth');
    expect(JSON.stringify(events)).toContain(LEGAL_REMOVAL_PLACEHOLDER);
  });

  it('refuses words no published version has, a missing reason, a story never published, and a story not theirs to see', () => {
    const story = storyNaming('Odo Brackwater');
    expect(() => removeForLegalReasons(desk, story.id, { text: 'Odo Brakwater', reason: 'Order' })).toThrow('in no version');
    expect(() => removeForLegalReasons(desk, story.id, { text: 'Odo Brackwater', reason: ' ' })).toThrow('Some fields need attention.');
    const draft = writtenStory(writer, 'A draft naming Odo Brackwater');
    expect(() => removeForLegalReasons(desk, draft.id, { text: 'Odo Brackwater', reason: 'Order' })).toThrow('never been published');
    expect(() => removeForLegalReasons(otherWriter, draft.id, { text: 'Odo Brackwater', reason: 'Order' })).toThrow('not yours to see');
  });
});
