'use client';

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';

/**
 * A button's face is either an icon (a glyph such as B or ↶, or a drawing) that the label names, or
 * a short text such as H2 that the label starts with: someone using speech input says what they see
 * ("click H2"), so the name must contain it (WCAG 2.5.3, label in name).
 */
type Tool = {
  label: string;
  shortcut?: string;
  face: ReactNode;
  active?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
};

const BULLETS = 'M4 3.6a1.4 1.4 0 1 0 0 2.8 1.4 1.4 0 0 0 0-2.8zm0 5a1.4 1.4 0 1 0 0 2.8 1.4 1.4 0 0 0 0-2.8zm0 5a1.4 1.4 0 1 0 0 2.8 1.4 1.4 0 0 0 0-2.8z';
/** 1, 2 and 3 drawn as strokes: the face stays a picture, like the bullets, not text to be named. */
const NUMERALS = 'M3 3l1.4-1v5M2.6 9.6c.6-.9 2.6-.9 2.6.4 0 .9-1.5 1.6-2.6 3h2.8M2.6 14.4h2.6l-1.4 1.6c1.2 0 1.6.5 1.6 1.1 0 1.2-1.8 1.4-2.8.8';

/** Three lines with bullets or numbers beside them. */
function ListIcon({ numbered }: { numbered: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M8 4h10M8 9.8h10M8 15.6h10" stroke="currentColor" strokeWidth="2" />
      {numbered ? (
        <path d={NUMERALS} fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d={BULLETS} fill="currentColor" />
      )}
    </svg>
  );
}

const TOOLS: Tool[][] = [
  [
    { label: 'Bold', shortcut: 'Control+B', face: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
    { label: 'Italic', shortcut: 'Control+I', face: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  ],
  [
    { label: 'H2 heading', face: 'H2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: 'H3 heading', face: 'H3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { label: 'Quote', face: '“ ”', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: 'Bulleted list', face: <ListIcon numbered={false} />, active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: 'Numbered list', face: <ListIcon numbered />, active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  ],
  [
    { label: 'Undo', shortcut: 'Control+Z', face: '↶', run: (e) => e.chain().focus().undo().run() },
    { label: 'Redo', shortcut: 'Control+Shift+Z', face: '↷', run: (e) => e.chain().focus().redo().run() },
  ],
];

/** Formatting buttons with accessible names; toggles say whether they are on (aria-pressed). */
export function EditorToolbar({ editor, controls, onLink, onPhoto }: { editor: Editor; controls: string; onLink: () => void; onPhoto: () => void }) {
  // Re-render only when what the buttons show changes, not on every keystroke.
  const pressed = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      tools: TOOLS.flat().map((tool) => tool.active?.(current) ?? null),
      link: current.isActive('link'),
    }),
  });

  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls={controls}>
      {TOOLS.map((group, groupIndex) => (
        <div className="toolbar__group" key={groupIndex}>
          {group.map((tool) => {
            const isPressed = pressed.tools[index++];
            return (
              <button
                key={tool.label}
                type="button"
                className="toolbar__button"
                aria-label={tool.label}
                title={tool.shortcut ? `${tool.label} (${tool.shortcut.replace('Control', 'Ctrl')})` : tool.label}
                aria-keyshortcuts={tool.shortcut}
                aria-pressed={isPressed === null ? undefined : isPressed}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => tool.run(editor)}
              >
                {tool.face}
              </button>
            );
          })}
          {groupIndex === 0 && (
            <button
              type="button"
              className="toolbar__button"
              aria-label="Link"
              title="Link (Ctrl+K)"
              aria-keyshortcuts="Control+K"
              aria-pressed={pressed.link}
              onMouseDown={(event) => event.preventDefault()}
              onClick={onLink}
            >
              🔗
            </button>
          )}
          {groupIndex === 1 && (
            <button
              type="button"
              className="toolbar__button toolbar__button--text"
              aria-label="Insert photo"
              title="Insert photo"
              onMouseDown={(event) => event.preventDefault()}
              onClick={onPhoto}
            >
              Photo
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
