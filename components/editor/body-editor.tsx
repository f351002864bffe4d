'use client';

import type { AnyExtension, Editor } from '@tiptap/core';
import { EditorContent, ReactNodeViewRenderer, useEditor } from '@tiptap/react';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { type BodyDoc, EMPTY_BODY } from '@/lib/article-body';
import { bodyExtensions, PhotoNode } from '@/lib/editor/body-schema';
import { cleanPastedHtml } from '@/lib/editor/clean-pasted-html';
import { PhotoGuard, withTrailingParagraph } from '@/lib/editor/photo-guard';
import type { PhotoView } from '@/lib/photos/photo-view';
import { EditorToolbar } from './editor-toolbar';
import { PhotoNodeView } from './photo-node-view';

// Not needed to start typing: each loads the first time it is opened.
const LinkDialog = dynamic(() => import('./link-dialog').then((module) => module.LinkDialog), { ssr: false });
const PhotoPickerDialog = dynamic(() => import('@/components/photos/photo-picker-dialog').then((module) => module.PhotoPickerDialog), {
  ssr: false,
});

// The body schema, with body photos shown as the public page shows them and kept from loss.
export const withPhotoViews = (extensions: readonly AnyExtension[]): AnyExtension[] => [
  ...extensions.map((extension) =>
    extension === PhotoNode ? PhotoNode.extend({ addNodeView: () => ReactNodeViewRenderer(PhotoNodeView) }) : extension,
  ),
  PhotoGuard,
];
const editorExtensions = withPhotoViews(bodyExtensions);

export type BodyEditorProps = {
  /** The body to open with, unless `extensions` bind the editor to a body held elsewhere. */
  initialBody?: BodyDoc;
  /** A body bound elsewhere (co-editing's shared document) brings its own extensions, and its content with them. */
  extensions?: AnyExtension[];
  editable: boolean;
  onChange: (editor: Editor) => void;
  onBlur: () => void;
  onReady: (editor: Editor) => void;
  /** A photo chosen from the library to insert, for the article to know how to show it. */
  onPhotoChosen: (photo: PhotoView) => void;
  errors?: string[];
  /** The editable region's id and visible label, where a screen has more than one body (the live desk). */
  field?: { id: string; label: string };
  /** Ctrl/Cmd+Enter, where it means "send" (posting a live entry) rather than a line break. */
  onSubmitShortcut?: () => void;
};

const BODY_FIELD = { id: 'body', label: 'Body' };

/**
 * The rich body field: Tiptap on the shared body schema, so the editor can only produce what the
 * server accepts. The editable region is labelled "Body" like any other field.
 */
export function BodyEditor({ initialBody, extensions, editable, onChange, onBlur, onReady, onPhotoChosen, errors, field = BODY_FIELD, onSubmitShortcut }: BodyEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [pickingPhoto, setPickingPhoto] = useState(false);
  const errorId = errors?.length ? `${field.id}-error` : undefined;

  const editor = useEditor({
    ...(extensions ? { extensions } : { extensions: editorExtensions, content: withTrailingParagraph(initialBody ?? EMPTY_BODY) }),
    editable,
    // The server renders the page without the editor; Tiptap mounts in the browser.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: field.id,
        class: 'body-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${field.id}-label`,
        // A long body scrolls inside its box: read-only too, it must take focus to be scrolled by keyboard.
        tabindex: '0',
        ...(errorId ? { 'aria-describedby': errorId, 'aria-invalid': 'true' } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        if (onSubmitShortcut && (event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault();
          onSubmitShortcut();
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
      <span id={`${field.id}-label`} className="field__label">
        {field.label}
      </span>
      <div className={`body-editor${editable ? '' : ' body-editor--readonly'}`}>
        {editor && editable && <EditorToolbar editor={editor} controls={field.id} onLink={() => setLinkOpen(true)} onPhoto={() => setPickingPhoto(true)} />}
        {editor && pickingPhoto && (
          <PhotoPickerDialog
            title="Insert a photo"
            onClose={() => {
              setPickingPhoto(false);
              editor.commands.focus();
            }}
            onChoose={(photo) => {
              onPhotoChosen(photo);
              setPickingPhoto(false);
              editor
                .chain()
                .focus()
                .insertContent({ type: 'photo', attrs: { photoId: photo.id, caption: null, credit: null, alt: null } })
                .run();
            }}
          />
        )}
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
