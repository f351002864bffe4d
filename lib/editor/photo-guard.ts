import { Extension } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode, type ResolvedPos, type Slice } from '@tiptap/pm/model';
import { type Command, type EditorState, NodeSelection, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { BodyBlock, BodyDoc } from '@/lib/article-body';
import { isSharedChange } from './local-trailing-paragraph';

/**
 * A photo in the body leaves only when the writer removes it on purpose: it is selected and
 * Delete or Backspace is pressed, or its Remove button is used (Undo brings it back). Typing or
 * pasting over a selection that holds a photo keeps the photo, and any other change that would
 * lose one without such an act (Enter over that selection, a composition) is refused. Without
 * this, a click on a photo selected it and the next keystroke (arriving before the browser
 * reported a caret move, say) replaced it with text, and Backspace at the start of the paragraph
 * after a photo deleted the photo outright.
 */

const PHOTO = 'photo';
const REMOVAL = 'dateline:photoRemoval';
// Set by ProseMirror's history on undo and redo: taking a photo back out is the writer's act too.
const HISTORY = 'history$';
// A change that comes from the shared document is someone else's act, already made: refusing it here
// would leave this screen showing a different body from everyone else's.

/** Marks a transaction as the writer's explicit removal of the photos it deletes. */
export const asPhotoRemoval = (tr: Transaction): Transaction => tr.setMeta(REMOVAL, true);

/** How many times each library photo appears in a document. */
function photoCounts(doc: ProseMirrorNode): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  doc.descendants((node) => {
    if (node.type.name === PHOTO) counts.set(node.attrs.photoId, (counts.get(node.attrs.photoId) ?? 0) + 1);
    return node.isBlock && !node.isTextblock;
  });
  return counts;
}

function hasPhotoBetween(doc: ProseMirrorNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (node.type.name === PHOTO) found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

/** Whether a transaction takes a photo out of the document (a move within it does not count). */
export function losesPhoto(tr: Transaction): boolean {
  // Cheap first: typing replaces nothing, so most transactions touch no photo at all.
  const touchesPhoto = tr.steps.some((step, index) => {
    let touched = false;
    step.getMap().forEach((oldStart, oldEnd) => {
      if (!touched && oldEnd > oldStart) touched = hasPhotoBetween(tr.docs[index]!, oldStart, oldEnd);
    });
    return touched;
  });
  if (!touchesPhoto) return false;
  const after = photoCounts(tr.doc);
  return [...photoCounts(tr.before)].some(([photoId, count]) => (after.get(photoId) ?? 0) < count);
}

function isExplicitRemoval(tr: Transaction): boolean {
  return (
    tr.getMeta(REMOVAL) === true ||
    tr.getMeta(HISTORY) !== undefined ||
    tr.getMeta('uiEvent') === 'cut' ||
    isSharedChange(tr)
  );
}

const isPhotoSelection = (state: EditorState) => state.selection instanceof NodeSelection && state.selection.node.type.name === PHOTO;

/**
 * Replaces the selection with what the writer typed or pasted, keeping every photo the selection
 * held: they follow the new text, in their order. A selected photo is not replaced at all: the
 * writing continues in the paragraph after it (an empty one, or a new one). Null when the
 * selection holds no photo, so the editor's own handling applies.
 */
export function replaceKeepingPhotos(state: EditorState, write: (tr: Transaction) => void): Transaction | null {
  const { selection, schema } = state;
  const tr = state.tr;
  if (isPhotoSelection(state)) {
    const after = selection.to;
    const next = state.doc.resolve(after).nodeAfter;
    if (!(next?.isTextblock && next.content.size === 0)) tr.insert(after, schema.nodes.paragraph!.create());
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
    write(tr);
    return tr.scrollIntoView();
  }
  if (selection.empty || !hasPhotoBetween(state.doc, selection.from, selection.to)) return null;

  const photos: ProseMirrorNode[] = [];
  state.doc.nodesBetween(selection.from, selection.to, (node, pos) => {
    if (node.type.name === PHOTO && pos >= selection.from && pos + node.nodeSize <= selection.to) photos.push(node);
    return !node.isTextblock;
  });
  write(tr);
  const written = tr.steps.length;
  const caret = tr.selection.head;
  const $caret = tr.doc.resolve(caret);
  let insertAt = caret;
  if ($caret.parent.isTextblock) {
    if ($caret.parentOffset === $caret.parent.content.size) insertAt = $caret.after();
    else if ($caret.parentOffset === 0) insertAt = $caret.before();
    else {
      tr.split(caret);
      insertAt = caret + 1;
    }
  }
  tr.insert(insertAt, Fragment.from(photos));
  // A place where a photo may not stand (a list item's first line) leaves the step out: refuse then.
  if (losesPhoto(tr)) return null;
  tr.setSelection(TextSelection.near(tr.doc.resolve(tr.mapping.slice(written).map(caret, -1))));
  return tr.scrollIntoView();
}

/** The position just before the block that holds `$pos`, when that block has a sibling before it. */
function boundaryBefore($pos: ResolvedPos): ResolvedPos | null {
  return $pos.depth > 0 && $pos.index($pos.depth - 1) > 0 ? $pos.doc.resolve($pos.before()) : null;
}

function boundaryAfter($pos: ResolvedPos): ResolvedPos | null {
  return $pos.depth > 0 && $pos.index($pos.depth - 1) < $pos.node($pos.depth - 1).childCount - 1 ? $pos.doc.resolve($pos.after()) : null;
}

/**
 * Backspace at the start of a paragraph that follows a photo (or Delete at the end of one that
 * precedes it) selects the photo; ProseMirror's default deleted it outright.
 */
function selectPhotoBeside(direction: 'before' | 'after'): Command {
  return (state, dispatch) => {
    const { selection } = state;
    if (!(selection instanceof TextSelection) || !selection.empty) return false;
    const $cursor = selection.$head;
    if (!$cursor.parent.isTextblock) return false;
    const atEdge = direction === 'before' ? $cursor.parentOffset === 0 : $cursor.parentOffset === $cursor.parent.content.size;
    const $boundary = atEdge ? (direction === 'before' ? boundaryBefore($cursor) : boundaryAfter($cursor)) : null;
    const photo = direction === 'before' ? $boundary?.nodeBefore : $boundary?.nodeAfter;
    if (!$boundary || photo?.type.name !== PHOTO) return false;
    const photoPos = direction === 'before' ? $boundary.pos - photo.nodeSize : $boundary.pos;
    dispatch?.(state.tr.setSelection(NodeSelection.create(state.doc, photoPos)).scrollIntoView());
    return true;
  };
}

/** Delete or Backspace on a selection holding a photo: the explicit act that removes it. */
const deleteSelectedPhotos: Command = (state, dispatch) => {
  const { selection } = state;
  if (selection.empty || !hasPhotoBetween(state.doc, selection.from, selection.to)) return false;
  dispatch?.(asPhotoRemoval(state.tr.deleteSelection()).scrollIntoView());
  return true;
};

/** Removes the photo at `pos`, as its Remove button does. */
export function removePhotoAt(pos: number): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (node?.type.name !== PHOTO) return false;
    dispatch?.(asPhotoRemoval(state.tr.delete(pos, pos + node.nodeSize)));
    return true;
  };
}

export const backspaceNearPhoto: Command = (state, dispatch) =>
  deleteSelectedPhotos(state, dispatch) || selectPhotoBeside('before')(state, dispatch);
export const deleteNearPhoto: Command = (state, dispatch) => deleteSelectedPhotos(state, dispatch) || selectPhotoBeside('after')(state, dispatch);

export const photoGuardKey = new PluginKey('photoGuard');

export const photoGuardPlugin = new Plugin({
  key: photoGuardKey,
  filterTransaction: (tr) => !tr.docChanged || isExplicitRemoval(tr) || !losesPhoto(tr),
  props: {
    handleTextInput(view, _from, _to, text) {
      const tr = replaceKeepingPhotos(view.state, (t) => t.insertText(text));
      if (tr) view.dispatch(tr);
      return tr !== null;
    },
    handlePaste(view, _event, slice: Slice) {
      const tr = replaceKeepingPhotos(view.state, (t) => t.replaceSelection(slice));
      if (tr) view.dispatch(tr.setMeta('uiEvent', 'paste'));
      return tr !== null;
    },
  },
});

export const PhotoGuard = Extension.create({
  name: 'photoGuard',
  // Before the editor's own keymap, whose Backspace and Delete would otherwise act first.
  priority: 1000,
  addKeyboardShortcuts() {
    const run = (command: Command) => () => command(this.editor.state, this.editor.view.dispatch);
    const backspace = run(backspaceNearPhoto);
    const remove = run(deleteNearPhoto);
    return {
      Backspace: backspace,
      'Mod-Backspace': backspace,
      'Shift-Backspace': backspace,
      'Alt-Backspace': backspace,
      Delete: remove,
      'Mod-Delete': remove,
      'Alt-Delete': remove,
    };
  },
  addProseMirrorPlugins: () => [photoGuardPlugin],
});

/**
 * The body as the editor opens it: ending in a paragraph, so there is always a line to continue
 * writing after a closing photo (the editor's trailing-node rule keeps it there while editing).
 * A stored body may end in a photo; the schema allows it and the public page prints it so.
 */
export function withTrailingParagraph(body: BodyDoc): BodyDoc {
  const last: BodyBlock | undefined = body.content.at(-1);
  return last?.type === 'paragraph' ? body : { ...body, content: [...body.content, { type: 'paragraph' }] };
}

/** The body without the empty line withTrailingParagraph added after a closing photo (or other block): the story as written. */
export function withoutTrailingParagraph(body: BodyDoc): BodyDoc {
  const last: BodyBlock | undefined = body.content.at(-1);
  const before: BodyBlock | undefined = body.content.at(-2);
  const addedLine = last?.type === 'paragraph' && !last.content?.length && before !== undefined && before.type !== 'paragraph';
  return addedLine ? { ...body, content: body.content.slice(0, -1) } : body;
}
