import { history, undo } from '@tiptap/pm/history';
import { EditorState, NodeSelection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '@/lib/article-body';
import { bodySchema } from './body-schema';
import { checkBody } from './validate-body';
import { asPhotoRemoval, backspaceNearPhoto, deleteNearPhoto, photoGuardPlugin, removePhotoAt, replaceKeepingPhotos, withoutTrailingParagraph, withTrailingParagraph } from './photo-guard';

const para = (text?: string) => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });
const photo = { type: 'photo', attrs: { photoId: 7, caption: 'Boats at dawn', credit: '© Pool / Sam Reed', alt: null } };
const body = (...content: object[]) => ({ type: 'doc', content }) as BodyDoc;

function stateOf(json: BodyDoc): EditorState {
  return EditorState.create({ schema: bodySchema, doc: bodySchema.nodeFromJSON(json), plugins: [history(), photoGuardPlugin] });
}

/** Runs a command and gives back the state it leads to. */
function after(state: EditorState, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

// "Short." is positions 1–7; the photo sits at 8; the paragraph after it starts inside at 10.
const PHOTO_POS = 8;

describe('photo guard', () => {
  it('refuses a change that deletes a photo unless the writer asked for it', () => {
    const state = stateOf(body(para('Short.'), photo, para('After.')));
    expect(state.apply(state.tr.delete(PHOTO_POS, PHOTO_POS + 1)).doc.eq(state.doc)).toBe(true);
    expect(state.apply(asPhotoRemoval(state.tr.delete(PHOTO_POS, PHOTO_POS + 1))).doc.childCount).toBe(2);
  });

  it('lets a photo be moved within the body', () => {
    const state = stateOf(body(para('Short.'), photo, para('After.')));
    const moved = state.apply(state.tr.delete(PHOTO_POS, PHOTO_POS + 1).insert(0, bodySchema.nodeFromJSON(photo)));
    expect(moved.doc.firstChild?.type.name).toBe('photo');
  });

  it('typing with a photo selected continues in the paragraph after it', () => {
    const selected = stateOf(body(para('Short.'), photo));
    const state = selected.apply(selected.tr.setSelection(NodeSelection.create(selected.doc, PHOTO_POS)));
    const tr = replaceKeepingPhotos(state, (t) => t.insertText('Then more.'));
    expect(tr?.doc.toJSON()).toEqual(body(para('Short.'), photo, para('Then more.')));
    expect(tr?.selection.head).toBe(10 + 'Then more.'.length);
  });

  it('overtyping a selection that runs across a photo keeps the photo after the new text', () => {
    const state = stateOf(body(para('Short.'), photo, para('After.')));
    const across = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 10)));
    const tr = replaceKeepingPhotos(across, (t) => t.insertText('New'));
    expect(tr?.doc.toJSON()).toEqual(body(para('New'), photo, para('After.')));
    expect(replaceKeepingPhotos(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 7))), (t) => t.insertText('x'))).toBeNull();
  });

  it('Backspace after a photo selects it, a second removes it, and Undo brings back its caption and credit', () => {
    const state = stateOf(body(para('Short.'), photo, para('After.')));
    const atStart = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 10)));
    const selected = after(atStart, backspaceNearPhoto);
    expect(selected.selection).toBeInstanceOf(NodeSelection);
    expect(selected.doc.eq(state.doc)).toBe(true);
    const removed = after(selected, backspaceNearPhoto);
    expect(removed.doc.toJSON()).toEqual(body(para('Short.'), para('After.')));
    expect(after(removed, undo).doc.toJSON()).toEqual(body(para('Short.'), photo, para('After.')));
  });

  it('Delete at the end of the paragraph before a photo selects it', () => {
    const state = stateOf(body(para('Short.'), photo));
    const atEnd = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 7)));
    expect((after(atEnd, deleteNearPhoto).selection as NodeSelection).node.type.name).toBe('photo');
  });

  it('the Remove button’s removal is allowed', () => {
    expect(after(stateOf(body(para('Short.'), photo)), removePhotoAt(PHOTO_POS)).doc.childCount).toBe(1);
  });

  it('opens a body ending in a photo with a paragraph after it; both forms are valid bodies', () => {
    const stored = body(para('Short.'), photo);
    expect(withTrailingParagraph(stored)).toEqual(body(para('Short.'), photo, para()));
    expect(withTrailingParagraph(body(para('Short.')))).toEqual(body(para('Short.')));
    expect(checkBody(stored).ok && checkBody(withTrailingParagraph(stored)).ok).toBe(true);
  });

  it('takes that added line away again, and only that: a written last line or one after a paragraph stays', () => {
    expect(withoutTrailingParagraph(body(para('Short.'), photo, para()))).toEqual(body(para('Short.'), photo));
    expect(withoutTrailingParagraph(body(para('Short.'), photo, para('After.')))).toEqual(body(para('Short.'), photo, para('After.')));
    expect(withoutTrailingParagraph(body(para('Short.'), para()))).toEqual(body(para('Short.'), para()));
    expect(withoutTrailingParagraph(body(para()))).toEqual(body(para()));
  });
});
