import { describe, expect, it } from 'vitest';
import { nextSaveStatus, type SaveEvent, type SaveStatus, saveStatusText } from './save-status';

const AT = '2026-03-02T09:41:00.000Z';
const run = (events: SaveEvent[], from: SaveStatus = { kind: 'idle' }) => events.reduce(nextSaveStatus, from);
const textOf = (events: SaveEvent[], from?: SaveStatus) => saveStatusText(run(events, from), 'UTC');

describe('save status', () => {
  it('says "Unsaved changes" from the first edit, after opening or after a save', () => {
    expect(textOf([])).toBe('');
    expect(textOf([{ type: 'edited' }])).toBe('Unsaved changes');
    expect(textOf([{ type: 'edited' }], { kind: 'saved', at: AT })).toBe('Unsaved changes');
  });

  it('keeps the very same status on further keystrokes, so React does not re-render the screen for each', () => {
    const unsaved = run([{ type: 'edited' }]);
    expect(nextSaveStatus(unsaved, { type: 'edited' })).toBe(unsaved);
  });

  it('says "Saved" only when the server holds every edit made so far', () => {
    const sent: SaveEvent[] = [{ type: 'edited' }, { type: 'sending' }];
    expect(textOf(sent)).toBe('Saving…');
    expect(textOf([...sent, { type: 'stored', at: AT, savedEdits: 1, edits: 1 }])).toBe('Saved 09:41');
    // An edit made while the request was out is not in what the server stored.
    expect(textOf([...sent, { type: 'edited' }, { type: 'stored', at: AT, savedEdits: 1, edits: 2 }])).toBe('Unsaved changes');
  });

  it('keeps saying the edits are on this device while offline or signed out', () => {
    expect(textOf([{ type: 'edited' }, { type: 'offline' }, { type: 'edited' }])).toBe('Offline — changes kept on this device');
    expect(textOf([{ type: 'signed-out' }, { type: 'edited' }])).toBe('Signed out — changes kept on this device');
  });

  it('a refusal is shown until the next edit or attempt', () => {
    const refused: SaveEvent = { type: 'refused', message: 'Not saved: the headline is too long', retry: true };
    expect(run([refused])).toEqual({ kind: 'failed', message: 'Not saved: the headline is too long', retry: true });
    expect(textOf([refused, { type: 'sending' }])).toBe('Saving…');
    expect(textOf([refused, { type: 'edited' }])).toBe('Unsaved changes');
  });
});
