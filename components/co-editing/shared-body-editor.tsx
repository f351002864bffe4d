'use client';

import type { HocuspocusProvider } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useState } from 'react';
import type * as Y from 'yjs';
import { BodyEditor, type BodyEditorProps, withPhotoViews } from '@/components/editor/body-editor';
import { BODY_ROOT } from '@/lib/co-editing/article-document';
import { sharedBodyExtensions } from '@/lib/editor/body-schema';
import { LocalTrailingParagraph } from '@/lib/editor/local-trailing-paragraph';

type Props = Omit<BodyEditorProps, 'initialBody' | 'extensions'> & {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** How this person's caret is labelled on the others' screens until the server's name reaches them. */
  user: { name: string; color: string };
};

/**
 * Another person's caret, in their colour with their name. It sits inside the text, so it is
 * hidden from screen readers, which would otherwise read the name as part of the paragraph.
 */
function caretOf(user: { name?: string; color?: string }): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = user.color ?? 'currentColor';
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = user.color ?? 'currentColor';
  label.textContent = user.name ?? '';
  caret.append(label);
  return caret;
}

/**
 * The body bound to the article's shared document (decision 023): everyone's typing arrives as it
 * happens, each person's caret and selection show in their colour with their name, and Undo takes
 * back only this person's own changes. The content is the document's alone: the editor is never
 * given a body of its own, which the document would then hold twice.
 */
export function SharedBodyEditor({ doc, provider, user, ...props }: Props) {
  const [extensions] = useState(() => [
    ...withPhotoViews(sharedBodyExtensions),
    LocalTrailingParagraph,
    Collaboration.configure({ document: doc, field: BODY_ROOT }),
    CollaborationCaret.configure({ provider, user, render: caretOf }),
  ]);
  return <BodyEditor {...props} extensions={extensions} />;
}
