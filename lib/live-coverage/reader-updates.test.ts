import { describe, expect, it } from 'vitest';
import { liveArticle, liveEntry } from '@/tests/public-article-fixtures';
import { entryStamp } from './entry-stamp';
import { applyReaderAction, type ReaderAction, readerCoverage, streamEventFrom } from './reader-updates';

const start = () => readerCoverage(liveArticle().live);
const ids = (entries: { id: number }[]) => entries.map((entry) => entry.id);
const arrives = (event: Extract<ReaderAction, { type: 'event' }>['event'], atTop = false): ReaderAction => ({ type: 'event', event, atTop });
const run = (...actions: ReaderAction[]) => actions.reduce(applyReaderAction, start());

describe('a reader’s live page', () => {
  it('starts as rendered: the entries in reading order, none held, on while the coverage is', () => {
    expect(start()).toMatchObject({ keyPoints: ['Dockers accept a 6% pay rise', 'Ships queue to berth'], held: [], ended: false, revealedId: null });
    expect(ids(start().entries)).toEqual([103, 102, 101]);
    expect(readerCoverage(liveArticle({ endedAt: '2025-05-20T18:00:00.000Z' }).live)).toMatchObject({ ended: true, endedAt: '2025-05-20T18:00:00.000Z' });
  });

  it('holds a new entry while the reader is in the entries, and shows the held ones, newest first under the pinned, when asked', () => {
    const first = liveEntry({ id: 104, postedAt: '2025-05-20T14:20:00.000Z' });
    const second = liveEntry({ id: 105, postedAt: '2025-05-20T14:30:00.000Z' });
    const held = run(arrives({ kind: 'entry', entry: first }), arrives({ kind: 'entry', entry: second }));
    expect(ids(held.entries)).toEqual([103, 102, 101]);
    expect(ids(held.held)).toEqual([104, 105]);

    const revealed = applyReaderAction(held, { type: 'reveal' });
    expect(ids(revealed.entries)).toEqual([103, 105, 104, 102, 101]);
    expect(revealed).toMatchObject({ held: [], revealedId: 105 });
  });

  it('shows a new entry at once to a reader who has not scrolled into the entries, and says so', () => {
    const entry = liveEntry({ id: 104, headline: 'Talks end', postedAt: '2025-05-20T14:20:00.000Z' });
    const state = run(arrives({ kind: 'entry', entry }, true));
    expect(ids(state.entries)).toEqual([103, 104, 102, 101]);
    expect(state.held).toEqual([]);
    expect(state.announcement).toBe('New update: Talks end');
    // Removed, its words leave the page, the announcement too.
    expect(applyReaderAction(state, arrives({ kind: 'remove', id: 104 }))).toMatchObject({ announcement: '', announcedId: null });
    expect(applyReaderAction(state, arrives({ kind: 'remove', id: 102 })).announcement).toBe('New update: Talks end');
  });

  it('applies an edit, a pin and an unpin in place, to shown and held entries alike', () => {
    const edited = liveEntry({ headline: 'Corrected', updatedAt: '2025-05-20T15:00:00.000Z' });
    let state = run(arrives({ kind: 'entry', entry: edited }));
    expect(state.entries.find((entry) => entry.id === 101)).toMatchObject({ headline: 'Corrected', updatedAt: '2025-05-20T15:00:00.000Z' });
    expect(state.held).toEqual([]);

    state = applyReaderAction(state, arrives({ kind: 'entry', entry: { ...edited, pinned: true } }));
    expect(ids(state.entries)).toEqual([103, 101, 102]);
    // The desk unpins the entry pinned before: it falls back among the others by its time.
    state = applyReaderAction(state, arrives({ kind: 'entry', entry: { ...state.entries[0]!, pinned: false } }));
    expect(state.entries.map((entry) => [entry.id, entry.pinned])).toEqual([
      [101, true],
      [103, false],
      [102, false],
    ]);

    const fresh = liveEntry({ id: 110, postedAt: '2025-05-20T16:00:00.000Z' });
    state = applyReaderAction(applyReaderAction(state, arrives({ kind: 'entry', entry: fresh })), arrives({ kind: 'entry', entry: { ...fresh, headline: 'Now with a headline' } }));
    expect(state.held).toEqual([expect.objectContaining({ id: 110, headline: 'Now with a headline' })]);
  });

  it('takes a removed entry off the page, or out of the held ones', () => {
    const fresh = liveEntry({ id: 110, postedAt: '2025-05-20T16:00:00.000Z' });
    const state = run(arrives({ kind: 'entry', entry: fresh }), arrives({ kind: 'remove', id: 102 }), arrives({ kind: 'remove', id: 110 }));
    expect(ids(state.entries)).toEqual([103, 101]);
    expect(state.held).toEqual([]);
    expect(applyReaderAction(state, { type: 'reveal' })).toBe(state);
  });

  it('replaces the key points, and ends with the coverage', () => {
    const state = run(arrives({ kind: 'summary', keyPoints: ['<img src=x onerror=alert(1)>'] }), arrives({ kind: 'end', endedAt: '2025-05-20T18:00:00.000Z' }));
    expect(state).toMatchObject({ keyPoints: ['<img src=x onerror=alert(1)>'], ended: true, endedAt: '2025-05-20T18:00:00.000Z' });
    expect(applyReaderAction(start(), { type: 'ended' })).toMatchObject({ ended: true, endedAt: null });
  });
});

describe('streamEventFrom', () => {
  it('reads the events the stream sends and skips anything else', () => {
    expect(streamEventFrom(JSON.stringify({ kind: 'remove', id: 4 }))).toEqual({ kind: 'remove', id: 4 });
    expect(streamEventFrom('{"kind":"explode"}')).toBeNull();
    expect(streamEventFrom('not json')).toBeNull();
    expect(streamEventFrom('null')).toBeNull();
  });
});

describe('entryStamp', () => {
  it('prints the time as the wire does, and Updated with the time of the last edit', () => {
    expect(entryStamp({ postedAt: '2022-02-15T13:03:00.000Z', updatedAt: null }, '2022-02-15T09:00:00.000Z', 'UTC')).toEqual({
      posted: { iso: '2022-02-15T13:03:00.000Z', text: '13:03 GMT' },
      updated: null,
    });
    expect(entryStamp({ postedAt: '2022-02-15T13:03:00.000Z', updatedAt: '2022-02-15T13:10:00.000Z' }, '2022-02-15T09:00:00.000Z', 'Europe/Moscow')).toEqual({
      posted: { iso: '2022-02-15T13:03:00.000Z', text: '16:03 GMT+3' },
      updated: { iso: '2022-02-15T13:10:00.000Z', text: '16:10' },
    });
  });

  it('adds the date once coverage has run past the day it began, in the newsroom’s zone', () => {
    expect(entryStamp({ postedAt: '2022-02-16T09:15:00.000Z', updatedAt: '2022-02-17T08:00:00.000Z' }, '2022-02-15T09:00:00.000Z', 'UTC')).toEqual({
      posted: { iso: '2022-02-16T09:15:00.000Z', text: '09:15 GMT 16.02.2022' },
      updated: { iso: '2022-02-17T08:00:00.000Z', text: '08:00 17.02.2022' },
    });
    // 23:30 UTC is already the next day in Berlin.
    expect(entryStamp({ postedAt: '2022-02-15T23:30:00.000Z', updatedAt: null }, '2022-02-15T09:00:00.000Z', 'Europe/Berlin').posted.text).toBe('00:30 CET 16.02.2022');
  });
});
