'use client';

import type { Editor } from '@tiptap/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ArticleBodyView } from '@/components/article/article-body-view';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { BodyDoc } from '@/lib/article-body';
import type { FilingName } from '@/lib/filing';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import { liveKeys } from '@/lib/query-keys';
import type { EditEntryInput } from '@/lib/validation/live-coverage';
import { formatWireClock } from '@/lib/wire-timestamp';
import { EntryFields, type EntryText } from './entry-fields';

type Props = {
  articleId: number;
  entry: DeskLiveEntry;
  authorChoices: FilingName[];
  timeZone: string;
  onSaved: (entry: DeskLiveEntry) => void;
  /** The server refused with the entry as it is now: the list shows that, this form keeps the person's text. */
  onRefused: (current: DeskLiveEntry) => void;
  onCancel: () => void;
};

/**
 * A posted entry's text, edited in place and saved as its next version. Saved over a version
 * someone else changed meanwhile, it is refused: their entry is shown as it is now, this person's
 * text stays in the editor, and Save again puts it in place of theirs knowingly.
 */
export function EntryEditForm({ articleId, entry, authorChoices, timeZone, onSaved, onRefused, onCancel }: Props) {
  const [text, setText] = useState<EntryText>({ headline: entry.headline, authors: entry.authors });
  const [initialBody] = useState(entry.body);
  const [version, setVersion] = useState(entry.version);
  const [theirs, setTheirs] = useState<{ entry: DeskLiveEntry; message: string } | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: (input: EditEntryInput) => apiFetch<DeskLiveEntry>(`/api/articles/${articleId}/live/entries/${entry.id}`, { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: liveKeys.entryRevisions(articleId, entry.id) });
      onSaved(saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !error.current) return;
      const current = error.current as DeskLiveEntry;
      setTheirs({ entry: current, message: error.message });
      setVersion(current.version);
      onRefused(current);
    },
  });

  const send = useCallback(() => {
    if (save.isPending) return;
    save.mutate({
      headline: text.headline,
      body: (editorRef.current?.getJSON() as BodyDoc | undefined) ?? initialBody,
      authorIds: text.authors.map((author) => author.id),
      version,
    });
  }, [initialBody, save, text, version]);
  // The editor keeps the callbacks it was created with.
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  }, [send]);
  const sendFromEditor = useCallback(() => sendRef.current(), []);

  const error = save.error instanceof ApiError ? save.error : null;
  const gone = theirs?.entry.removedAt != null;
  const fieldId = `entry-${entry.id}`;
  return (
    <div className="entry-edit" role="group" aria-label={`Editing the entry at ${formatWireClock(entry.postedAt, timeZone)}`}>
      {theirs && (
        <div className="notice notice--warn" role="alert">
          <p>
            <strong>{theirs.message}</strong>
          </p>
          {!gone && (
            <>
              <p>The entry as it is now:</p>
              <div className="entry-edit__theirs">
                {theirs.entry.headline && <p className="live-entry__headline">{theirs.entry.headline}</p>}
                <ArticleBodyView body={theirs.entry.body} photos={theirs.entry.photos} />
              </div>
              <p>Your text is still below: Save to put it in place of theirs, or Cancel to keep theirs.</p>
            </>
          )}
        </div>
      )}
      <EntryFields
        id={fieldId}
        bodyLabel="Entry text"
        text={text}
        onText={setText}
        authorChoices={authorChoices}
        initialBody={initialBody}
        editorKey={0}
        editable={!save.isPending}
        errors={error?.fields ?? {}}
        photos={entry.photos}
        onBodyReady={(editor) => {
          editorRef.current = editor;
        }}
        onBodyChange={noop}
        onSubmitShortcut={sendFromEditor}
      />
      {error && error.code !== 'CONFLICT' && Object.keys(error.fields).length === 0 && (
        <p className="notice notice--error" role="alert">
          Not saved: {error.message}
        </p>
      )}
      <div className="editor__actions">
        <button type="button" className="button" disabled={save.isPending || gone} onClick={send}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

const noop = () => {};
