import type { Editor } from '@tiptap/core';
import type { BodyDoc } from '@/lib/article-body';
import { quoteAround, type TextQuoteSelector } from '@/lib/comments/text-anchor';
import { bodyPlainText } from '@/lib/editor/body-text';

/**
 * The editor's selection as a quote of the body's plain text with its context, the form a comment
 * is anchored by; null when nothing is selected. Offsets are counted in the plain text the server
 * stores (bodyPlainText), by measuring the text of the document up to each end of the selection.
 */
export function selectionAnchor(editor: Editor): TextQuoteSelector | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const { doc } = editor.state;
  const textUpTo = (position: number) => bodyPlainText(doc.cut(0, position).toJSON() as BodyDoc).length;
  const anchor = quoteAround(bodyPlainText(doc.toJSON() as BodyDoc), textUpTo(from), textUpTo(to));
  return anchor.quote.trim() === '' ? null : anchor;
}
