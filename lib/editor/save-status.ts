import { formatClock } from '@/lib/desk-time';

/**
 * What the drafting screen says about saving. It must be true at every moment: a writer who sees
 * "Saved" closes the lid. So "Saved" is shown only once the server has acknowledged a version
 * holding every edit made so far; from the first edit after that it is "Unsaved changes".
 */
export type SaveStatus =
  /** Opened, and nothing edited yet: what is on screen is what the server has. */
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'signed-out' }
  /** The server refused the save; `retry` when sending it again can help (not for a conflict). */
  | { kind: 'failed'; message: string; retry: boolean };

export type SaveEvent =
  | { type: 'edited' }
  | { type: 'sending' }
  /** The server stored the edits counted up to `savedEdits`; `edits` have been made by now. */
  | { type: 'stored'; at: string; savedEdits: number; edits: number }
  | { type: 'offline' }
  | { type: 'signed-out' }
  | { type: 'refused'; message: string; retry: boolean };

export function nextSaveStatus(status: SaveStatus, event: SaveEvent): SaveStatus {
  switch (event.type) {
    case 'edited':
      // Offline or signed out, the edit joins the others kept on this device: that is still the truth.
      // "Saving…" stays while its request is out; its answer decides what comes next. Already
      // "Unsaved changes", the same status comes back, so a keystroke does not re-render the screen.
      return status.kind === 'offline' || status.kind === 'signed-out' || status.kind === 'saving' || status.kind === 'unsaved'
        ? status
        : { kind: 'unsaved' };
    case 'sending':
      return { kind: 'saving' };
    case 'stored':
      return event.savedEdits === event.edits ? { kind: 'saved', at: event.at } : { kind: 'unsaved' };
    case 'offline':
      return { kind: 'offline' };
    case 'signed-out':
      return { kind: 'signed-out' };
    case 'refused':
      return { kind: 'failed', message: event.message, retry: event.retry };
  }
}

export function saveStatusText(status: SaveStatus, timeZone: string): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${formatClock(status.at, timeZone)}`;
    case 'offline':
      return 'Offline — changes kept on this device';
    case 'signed-out':
      return 'Signed out — changes kept on this device';
    case 'failed':
      return status.message;
  }
}
