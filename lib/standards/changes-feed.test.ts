import { describe, expect, it } from 'vitest';
import { compareRevisions, type RevisionSnapshot } from '@/lib/revisions/revision-diff';
import { plainTextToDoc } from '@/lib/article-body';
import type { StoryChanges } from '@/lib/story-changes/story-changes';
import { changesAtomFeed, changesJson } from './changes-feed';

const SITE = { name: 'The Paper', url: 'https://news.example.org', language: 'en' };
const snapshot = (body: string): RevisionSnapshot => ({
  headline: 'Dam holds',
  standfirst: '',
  datelinePlace: 'LONDON',
  datelineSource: 'Dateline',
  byline: '',
  section: '',
  leadPhoto: null,
  body: plainTextToDoc(body),
});

const hostile = '<script>alert(1)</script> ]]> &amp;';
const changes: StoryChanges = {
  articleId: 7,
  slug: 'dam-holds',
  headline: 'Dam holds',
  withdrawn: false,
  listedCount: 2,
  minorFixesSince: 0,
  versions: [
    {
      number: 4,
      kind: 'correction',
      at: '2026-12-05T10:00:00.000Z',
      note: `It was 3 metres, not 2. ${hostile}`,
      publishedBy: 'The copy desk',
      foldedMinorFixes: 1,
      diff: compareRevisions(snapshot('The water rose 2 metres.'), snapshot(`The water rose 3 metres. ${hostile}`)),
    },
    { number: 1, kind: 'publish', at: '2026-12-05T09:00:00.000Z', note: null, publishedBy: 'The copy desk', foldedMinorFixes: 0, diff: null },
  ],
  newerPath: null,
  olderPath: null,
  photoIds: [],
};

describe('a story’s history for machines', () => {
  it('is an Atom entry per version, each linking to its place on the page, with the diff marked and every text escaped', () => {
    const atom = changesAtomFeed(changes, SITE);
    expect(atom.match(/<entry>/g)).toHaveLength(2);
    expect(atom).toContain('<id>https://news.example.org/news/dam-holds/changes#version-4</id>');
    expect(atom).toContain('<title type="html"><![CDATA[Correction: Dam holds]]></title>');
    expect(atom).toContain('The water rose <del>[deleted: 2]</del> <ins>[inserted: 3]</ins> metres.');
    expect(atom).toContain('<p>Includes a small fix of spelling or style.</p>');
    expect(atom).not.toContain('<script>');
    expect(atom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is the same versions as JSON, with their labels and addresses', () => {
    const json = changesJson(changes, SITE);
    expect(json.versions.map((version) => [version.label, version.url])).toEqual([
      ['Correction', 'https://news.example.org/news/dam-holds/changes#version-4'],
      ['First published', 'https://news.example.org/news/dam-holds/changes#version-1'],
    ]);
    expect(json.versions[0]!.note).toContain(hostile);
  });
});
