'use client';

import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { BodyDoc } from '@/lib/article-body';
import { bodyExtensions } from '@/lib/editor/body-schema';
import { cleanPastedHtml } from '@/lib/editor/clean-pasted-html';
import { EditorToolbar } from './editor-toolbar';
import { LinkDialog } from './link-dialog';

type Props = {
  initialBody: BodyDoc;
  editable: boolean;
  onChange: (editor: Editor) => void;
  onBlur: () => void;
  onReady: (editor: Editor) => void;
  errors?: string[];
};

/**
 * The rich body field: Tiptap on the shared body schema, so the editor can only produce what the
 * server accepts. The editable region is labelled "Body" like any other field.
 */
export function BodyEditor({ initialBody, editable, onChange, onBlur, onReady, errors }: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const errorId = errors?.length ? 'body-error' : undefined;

  const editor = useEditor({
    extensions: bodyExtensions,
    content: initialBody,
    editable,
    // The server renders the page without the editor; Tiptap mounts in the browser.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: 'body',
        class: 'body-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'body-label',
        ...(errorId ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onCreate: ({ editor: created }) => onReady(created),
    onUpdate: ({ editor: changed }) => onChange(changed),
    onBlur: () => onBlur(),
  });

  useEffect(() => {
    editor?.setEditable(editable, false);
    // aria-readonly tells assistive technology why typing does nothing.
    editor?.view.dom.setAttribute('aria-readonly', editable ? 'false' : 'true');
  }, [editor, editable]);

  return (
    <div className="field">
      <span id="body-label" className="field__label">
        Body
      </span>
      <div className={`body-editor${editable ? '' : ' body-editor--readonly'}`}>
        {editor && editable && <EditorToolbar editor={editor} onLink={() => setLinkOpen(true)} />}
        {editor && linkOpen && (
          <LinkDialog
            editor={editor}
            onClose={() => {
              setLinkOpen(false);
              editor.commands.focus();
            }}
          />
        )}
        <EditorContent editor={editor} />
      </div>
      {errorId && (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
