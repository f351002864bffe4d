import { describe, expect, it } from 'vitest';
import { saveStatusText } from '@/lib/editor/save-status';
import { type SharedSaveFacts, sharedSaveStatus } from './shared-save-status';

const calm: SharedSaveFacts = { loaded: true, online: true, unsynced: false, sending: false, signedOut: false, refused: null, problem: null, storedAt: null };
const text = (facts: Partial<SharedSaveFacts>) => saveStatusText(sharedSaveStatus({ ...calm, ...facts }), 'UTC');

describe('sharedSaveStatus', () => {
  it('says nothing until this screen changes something, then "Saving…" until the server has stored it', () => {
    expect(text({})).toBe('');
    expect(text({ unsynced: true })).toBe('Saving…');
    expect(text({ sending: true, storedAt: '2026-12-05T10:00:00Z' })).toBe('Saving…');
    expect(text({ storedAt: '2026-12-05T10:00:00Z' })).toBe('Saved 10:00');
  });

  it('says the changes are kept here when offline or signed out, whatever else is pending', () => {
    expect(text({ online: false, unsynced: true })).toBe('Offline — changes kept on this device');
    expect(text({ signedOut: true, online: false, unsynced: true })).toBe('Signed out — changes kept on this device');
  });

  it('is not "offline" while the document is still being fetched the first time', () => {
    expect(text({ loaded: false, online: false })).toBe('');
  });

  it('puts a refusal by the server above everything, and a problem folding the text above "Saved"', () => {
    expect(text({ refused: 'update-too-large', signedOut: true })).toMatch(/refused a change from this screen \(update-too-large\)/);
    expect(text({ problem: 'Headline must be at most 200 characters', storedAt: '2026-12-05T10:00:00Z' })).toBe('Not saved: Headline must be at most 200 characters');
  });
});
