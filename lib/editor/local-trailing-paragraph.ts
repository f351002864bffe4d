import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';

// Set by y-tiptap on a change that arrives from the shared document (someone else's, or the first
// rendering of the document): already made, and already given its closing paragraph by its maker.
const SHARED_CHANGE = 'y-sync$';
export const isSharedChange = (tr: Transaction) => (tr.getMeta(SHARED_CHANGE) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

/**
 * A shared body always ends in a paragraph, so there is a line to continue writing after a closing
 * photo. Only the editor whose own change left the body ending otherwise adds it: every open editor
 * adding one for the same change (Tiptap's own trailing-node rule) would leave one per person.
 */
export const LocalTrailingParagraph = Extension.create({
  name: 'localTrailingParagraph',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('localTrailingParagraph'),
      appendTransaction(transactions, _before, state) {
        if (!transactions.some((tr) => tr.docChanged) || transactions.some(isSharedChange)) return null;
        if (state.doc.lastChild?.type.name === 'paragraph') return null;
        return state.tr.insert(state.doc.content.size, state.schema.nodes.paragraph!.create());
      },
    }),
  ],
});
