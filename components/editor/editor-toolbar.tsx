'use client';

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

type Tool = {
  label: string;
  shortcut?: string;
  text: string;
  active?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
};

const TOOLS: Tool[][] = [
  [
    { label: 'Bold', shortcut: 'Control+B', text: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
    { label: 'Italic', shortcut: 'Control+I', text: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  ],
  [
    { label: 'Heading 2', text: 'H2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: 'Heading 3', text: 'H3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { label: 'Quote', text: '“ ”', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: 'Bulleted list', text: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: 'Numbered list', text: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  ],
  [
    { label: 'Undo', shortcut: 'Control+Z', text: '↶', run: (e) => e.chain().focus().undo().run() },
    { label: 'Redo', shortcut: 'Control+Shift+Z', text: '↷', run: (e) => e.chain().focus().redo().run() },
  ],
];

/** Formatting buttons with accessible names; toggles say whether they are on (aria-pressed). */
export function EditorToolbar({ editor, onLink, onPhoto }: { editor: Editor; onLink: () => void; onPhoto: () => void }) {
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
    <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls="body">
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
                {tool.text}
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
