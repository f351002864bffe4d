import type { SaveStatus } from '@/lib/editor/save-status';

export type SharedSaveFacts = {
  loaded: boolean;
  online: boolean;
  /** Changes made on this screen that the server has not yet stored. */
  unsynced: boolean;
  /** A Save or a filing change is on its way. */
  sending: boolean;
  signedOut: boolean;
  /** The server closed this screen's connection to the article over something it sent. */
  refused: string | null;
  /** Why the text as it stands was not folded into the history, or why a Save failed. */
  problem: string | null;
  /** When the server last had every change from this screen; null before the first. */
  storedAt: string | null;
};

/**
 * What the drafting screen says about saving while people share the article. "Saved" means the
 * server has stored every change made here (it stores each before acknowledging it); offline or
 * signed out, the changes stay on this screen and device and merge when the connection is back.
 */
export function sharedSaveStatus(facts: SharedSaveFacts): SaveStatus {
  if (facts.refused) return { kind: 'failed', message: `The server refused a change from this screen (${facts.refused}). Reload the page: what the others typed is safe.`, retry: false };
  if (facts.signedOut) return { kind: 'signed-out' };
  if (facts.loaded && !facts.online) return { kind: 'offline' };
  if (facts.problem) return { kind: 'failed', message: `Not saved: ${facts.problem}`, retry: true };
  if (facts.unsynced || facts.sending) return { kind: 'saving' };
  return facts.storedAt ? { kind: 'saved', at: facts.storedAt } : { kind: 'idle' };
}
