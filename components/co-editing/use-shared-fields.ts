'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type * as Y from 'yjs';
import type { DraftField, DraftFields } from '@/lib/article-draft';
import { fieldsMap, fieldsOfDocument, leadPhotoMap, writeField, writeLeadPhoto } from '@/lib/co-editing/article-document';
import { caretAfterChange } from '@/lib/co-editing/caret-after-change';
import type { LeadPhoto } from '@/lib/photos/photo-use';

type FocusedText = { element: HTMLInputElement | HTMLTextAreaElement; value: string; start: number; end: number };

function focusedText(): FocusedText | null {
  const element = document.activeElement;
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return null;
  return { element, value: element.value, start: element.selectionStart ?? 0, end: element.selectionEnd ?? 0 };
}

/**
 * The article's plain fields and lead photo as they stand in the shared document, and the way to
 * change them. Before the document has loaded the screen shows `initial` (the server's text) and
 * nothing can be written. A change someone else makes to the field this person is typing in keeps
 * their caret where it was in their own words, not at the end of the field.
 */
export function useSharedFields(doc: Y.Doc | null, loaded: boolean, initial: DraftFields) {
  const [fields, setFields] = useState(initial);
  const fieldsRef = useRef(fields);
  const caret = useRef<FocusedText | null>(null);

  useLayoutEffect(() => {
    if (!doc || !loaded) return;
    const show = (transaction: Y.Transaction | null) => {
      fieldsRef.current = fieldsOfDocument(doc);
      if (!transaction || transaction.local) {
        setFields(fieldsRef.current);
        return;
      }
      // Someone else's change is on screen before this handler returns: a keystroke handled in
      // between would be read against the field as it was, and undo their change. The caret is
      // noted first, to be put back among this person's own words.
      caret.current = focusedText();
      flushSync(() => setFields(fieldsRef.current));
    };
    show(null);
    const texts = fieldsMap(doc);
    const lead = leadPhotoMap(doc);
    const onChange = (_events: unknown, transaction: Y.Transaction) => show(transaction);
    texts.observeDeep(onChange);
    lead.observeDeep(onChange);
    return () => {
      texts.unobserveDeep(onChange);
      lead.unobserveDeep(onChange);
    };
  }, [doc, loaded]);

  useLayoutEffect(() => {
    const kept = caret.current;
    caret.current = null;
    if (!kept || document.activeElement !== kept.element || kept.element.value === kept.value) return;
    kept.element.setSelectionRange(caretAfterChange(kept.value, kept.element.value, kept.start), caretAfterChange(kept.value, kept.element.value, kept.end));
  }, [fields]);

  const setField = useCallback(
    (name: DraftField, value: string) => {
      if (doc) doc.transact(() => writeField(doc, name, value));
    },
    [doc],
  );

  const setLeadPhoto = useCallback(
    (leadPhoto: LeadPhoto | null) => {
      if (doc) doc.transact(() => writeLeadPhoto(doc, leadPhoto));
    },
    [doc],
  );

  return { fields, fieldsRef, setField, setLeadPhoto };
}
