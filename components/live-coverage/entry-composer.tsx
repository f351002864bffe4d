'use client';

import type { Editor } from '@tiptap/core';
import { type KeyboardEvent, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useKeepOnLeaving } from '@/components/editor/use-keep-on-leaving';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { FieldErrors } from '@/lib/app-error';
import { type BodyDoc, EMPTY_BODY } from '@/lib/article-body';
import { formatClock } from '@/lib/desk-time';
import { nextSaveStatus, type SaveEvent, type SaveStatus, saveStatusText } from '@/lib/editor/save-status';
import type { FilingName } from '@/lib/filing';
import type { DeskLiveEntry, LiveEntryDraft } from '@/lib/live-coverage/live-entry';
import type { EntryDraftInput } from '@/lib/validation/live-coverage';
import { formatWireClock } from '@/lib/wire-timestamp';
import { clearEntryDraftCopy, readEntryDraftCopy, writeEntryDraftCopy } from './entry-draft-copy';
import { EntryFields, type EntryText } from './entry-fields';
import { isSubmitShortcut, namedAuthors } from './entry-text';

/** Quicker than the article editor's two seconds: an entry is short, and often posted soon after. */
const AUTOSAVE_DELAY_MS = 1_500;
/** The browser's copy is written shortly after a change, not inside the keystroke (as the article editor's). */
const COPY_DELAY_MS = 250;

type Props = {
  articleId: number;
  /** The viewer's unposted entry as the server kept it, if any. */
  draft: LiveEntryDraft | null;
  authorChoices: FilingName[];
  /** The viewer's own author profile, credited by default. */
  ownAuthorId: number | null;
  timeZone: string;
  onPosted: (entry: DeskLiveEntry) => void;
  /** The story changed under the composer (its coverage ended): the desk reads it again. */
  onRefused: () => void;
};

/** The save status, and back to nothing to say once the entry is posted and the composer empty. */
function composerStatus(status: SaveStatus, event: SaveEvent | { type: 'posted' }): SaveStatus {
  return event.type === 'posted' ? { kind: 'idle' } : nextSaveStatus(status, event);
}

/**
 * The live desk's composer: an entry written in the article editor's body editor, autosaved as a
 * draft on the server 1.5 s after typing stops (and when the tab is hidden), and kept in this
 * browser between saves, so nothing is lost to an expired session or a closed tab. Post entry (or
 * Ctrl/Cmd+Enter) posts it; the composer is then empty again and ready for the next.
 */
export function EntryComposer({ articleId, draft, authorChoices, ownAuthorId, timeZone, onPosted, onRefused }: Props) {
  const [opened] = useState(() => ({
    text: draft
      ? { headline: draft.headline, authors: namedAuthors(draft.authorIds, authorChoices) }
      : { headline: '', authors: ownAuthorId === null ? [] : namedAuthors([ownAuthorId], authorChoices) },
    body: draft?.body ?? EMPTY_BODY,
  }));
  const [text, setTextState] = useState<EntryText>(opened.text);
  const textRef = useRef(opened.text);
  const [initialBody, setInitialBody] = useState<BodyDoc>(opened.body);
  const shownBody = useRef<BodyDoc>(opened.body);
  const [editorKey, setEditorKey] = useState(0);
  const editorRef = useRef<Editor | null>(null);
  const focusWhenReady = useRef(false);

  // Counters, not booleans: a save that started before the latest keystroke must not mark it saved.
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveAgain = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const copyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const postingRef = useRef(false);

  // A draft restored from the server is saved as it stands: say so, and since when.
  const [status, report] = useReducer(composerStatus, draft ? { kind: 'saved', at: draft.savedAt } : { kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [posting, setPosting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [posted, setPosted] = useState('');
  const [restoredAt, setRestoredAt] = useState<string | null>(null);

  const currentDraft = useCallback(
    (): EntryDraftInput => ({
      headline: textRef.current.headline,
      body: (editorRef.current?.getJSON() as BodyDoc | undefined) ?? shownBody.current,
      authorIds: textRef.current.authors.map((author) => author.id),
    }),
    [],
  );

  /** Puts an entry in the composer (a restored one, or an empty one after posting). */
  const showEntry = useCallback((next: EntryText, body: BodyDoc) => {
    textRef.current = next;
    setTextState(next);
    editorRef.current = null;
    shownBody.current = body;
    setInitialBody(body);
    setEditorKey((key) => key + 1);
  }, []);

  const sendSave = useCallback(async (): Promise<boolean> => {
    const startedAt = changes.current;
    report({ type: 'sending' });
    try {
      const saved = await apiFetch<LiveEntryDraft>(`/api/articles/${articleId}/live/draft`, { method: 'PUT', body: currentDraft() });
      savedChanges.current = startedAt;
      if (changes.current === startedAt) clearEntryDraftCopy(articleId);
      setFieldErrors({});
      report({ type: 'stored', at: saved.savedAt, savedEdits: startedAt, edits: changes.current });
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'NETWORK') report({ type: 'offline' });
      else if (error.code === 'UNAUTHENTICATED') report({ type: 'signed-out' });
      else {
        setFieldErrors(error.fields);
        report({ type: 'refused', message: `Not saved: ${error.message}`, retry: true });
      }
      return false;
    }
  }, [articleId, currentDraft]);

  /** One save at a time; a change made meanwhile is sent right after. Nothing is saved while posting. */
  const save = useCallback(async (): Promise<void> => {
    if (postingRef.current || changes.current === savedChanges.current) return;
    if (inFlight.current) {
      saveAgain.current = true;
      return;
    }
    clearTimeout(timer.current);
    const loop = (async () => {
      let ok = await sendSave();
      while (ok && saveAgain.current && changes.current !== savedChanges.current && !postingRef.current) {
        saveAgain.current = false;
        ok = await sendSave();
      }
      saveAgain.current = false;
    })();
    inFlight.current = loop;
    try {
      await loop;
    } finally {
      inFlight.current = null;
    }
  }, [sendSave]);

  const writeCopyNow = useCallback(() => {
    clearTimeout(copyTimer.current);
    copyTimer.current = undefined;
    if (changes.current !== savedChanges.current) writeEntryDraftCopy(articleId, currentDraft());
  }, [articleId, currentDraft]);

  const noteChange = useCallback(() => {
    changes.current += 1;
    report({ type: 'edited' });
    setPosted('');
    copyTimer.current ??= setTimeout(writeCopyNow, COPY_DELAY_MS);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [save, writeCopyNow]);

  const setText = useCallback(
    (next: EntryText) => {
      textRef.current = next;
      setTextState(next);
      noteChange();
    },
    [noteChange],
  );

  const post = useCallback(async (): Promise<void> => {
    if (postingRef.current) return;
    postingRef.current = true;
    setPosting(true);
    setProblem(null);
    clearTimeout(timer.current);
    // An autosave landing after the post would bring the posted entry back as a draft.
    while (inFlight.current) await inFlight.current;
    try {
      const entry = await apiFetch<DeskLiveEntry>(`/api/articles/${articleId}/live/entries`, { method: 'POST', body: currentDraft() });
      clearTimeout(copyTimer.current);
      copyTimer.current = undefined;
      clearEntryDraftCopy(articleId);
      savedChanges.current = changes.current;
      setFieldErrors({});
      setRestoredAt(null);
      report({ type: 'posted' });
      setPosted(`Entry posted at ${formatWireClock(entry.postedAt, timeZone)}.`);
      // The same credit stays for the next entry: one reporter posts a run of them.
      focusWhenReady.current = true;
      showEntry({ headline: '', authors: textRef.current.authors }, EMPTY_BODY);
      onPosted(entry);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFieldErrors(error.fields);
      if (error.code === 'UNAUTHENTICATED') setProblem('Your session has ended: the entry was not posted. It is kept on this device; sign in again to post it.');
      else if (Object.keys(error.fields).length === 0) setProblem(`Not posted: ${error.message}`);
      if (error.code === 'CONFLICT') onRefused();
    } finally {
      postingRef.current = false;
      setPosting(false);
    }
  }, [articleId, currentDraft, onPosted, onRefused, showEntry, timeZone]);

  // A stable handle for the editor, which keeps the callbacks it was created with.
  const postRef = useRef(post);
  useEffect(() => {
    postRef.current = post;
  }, [post]);
  const postFromEditor = useCallback(() => void postRef.current(), []);

  // An entry this browser kept and the server never got (an expired session, a closed tab) goes
  // back into the composer, and on to the server; the server's own draft wins when it is newer.
  useEffect(() => {
    let cancelled = false;
    void readEntryDraftCopy(articleId).then((copy) => {
      if (cancelled || !copy) return;
      const serverNewer = draft !== null && Date.parse(draft.savedAt) >= Date.parse(copy.at);
      if (serverNewer || JSON.stringify(copy.draft) === JSON.stringify(currentDraft())) {
        clearEntryDraftCopy(articleId);
        return;
      }
      if (changes.current > 0) return;
      showEntry({ headline: copy.draft.headline, authors: namedAuthors(copy.draft.authorIds, authorChoices) }, copy.draft.body);
      setRestoredAt(copy.at);
      noteChange();
    });
    return () => {
      cancelled = true;
    };
    // Once, for what the page opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Save what is pending when the person looks away or leaves (also for another desk screen).
  const saveNow = useCallback(() => void save(), [save]);
  const unsaved = useCallback(() => changes.current !== savedChanges.current, []);
  useKeepOnLeaving({ writeCopy: writeCopyNow, saveNow, unsaved });

  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
    if (focusWhenReady.current) {
      focusWhenReady.current = false;
      editor.commands.focus();
    }
  }, []);

  function postOnShortcut(event: KeyboardEvent) {
    // The body's editor handles its own (and marks the key as handled).
    if (isSubmitShortcut(event) && !event.isDefaultPrevented()) {
      event.preventDefault();
      void post();
    }
  }

  return (
    // Not a <form>: Enter in the headline must not post the entry; Ctrl/Cmd+Enter does, anywhere in it.
    <section className="card entry-composer" aria-labelledby="composer-title" onKeyDown={postOnShortcut}>
      <h2 id="composer-title">Post an entry</h2>
      {restoredAt && (
        <p className="notice notice--info">Your entry not yet saved at {formatClock(restoredAt, timeZone)}, kept on this device, is back in the composer.</p>
      )}
      {status.kind === 'signed-out' && (
        <div className="notice notice--error" role="alert" aria-label="Save problem">
          <p>Your session has ended. Your entry is kept on this device.</p>
          <p>
            <a href={`/login?next=/desk/articles/${articleId}/live`} target="_blank" rel="noopener">
              Sign in again in a new tab
            </a>
            ; saving resumes by itself.
          </p>
        </div>
      )}
      <EntryFields
        id="new-entry"
        bodyLabel="New entry"
        text={text}
        onText={setText}
        authorChoices={authorChoices}
        initialBody={initialBody}
        editorKey={editorKey}
        editable={!posting}
        errors={fieldErrors}
        onBodyReady={onReady}
        onBodyChange={noteChange}
        onBodyBlur={saveNow}
        onSubmitShortcut={postFromEditor}
      />
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="editor__actions">
        <button type="button" className="button" disabled={posting} aria-describedby="composer-shortcut" onClick={() => void post()}>
          {posting ? 'Posting…' : 'Post entry'}
        </button>
        <span id="composer-shortcut" className="field__hint">
          or Ctrl+Enter (⌘+Enter on a Mac)
        </span>
        <span className="save-status" role="status" aria-live="polite">
          {status.kind === 'idle' ? posted : saveStatusText(status, timeZone)}
        </span>
        {status.kind === 'failed' && status.retry && (
          <button type="button" className="button button--quiet" onClick={saveNow}>
            Retry
          </button>
        )}
      </div>
    </section>
  );
}
