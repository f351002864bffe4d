import { getSchema, mergeAttributes, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isAllowedLink } from './link-policy';

/**
 * The article body's document model, one definition for the browser editor and the server's
 * validation: what is not here cannot be stored. No code marks, code blocks, strike-through,
 * underline or rules: a news story does not use them, and every extra type is a way in.
 */

/**
 * A library photo placed in the body, by id. Caption and credit are this article's own overrides
 * (null: the library's); the editor and the public page show the photo from the library
 * (components/photos/photo-figure.tsx).
 */
export const PhotoNode = Node.create({
  name: 'photo',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      photoId: { default: null },
      caption: { default: null },
      credit: { default: null },
      alt: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-photo-id]',
        getAttrs: (element) => {
          const photoId = Number((element as HTMLElement).getAttribute('data-photo-id'));
          return Number.isInteger(photoId) && photoId > 0 ? { photoId } : false;
        },
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-photo-id': HTMLAttributes.photoId, class: 'body-photo' })];
  },
});

export const HEADING_LEVELS = [2, 3] as const;

const bodyStarterKit = StarterKit.configure({
  code: false,
  codeBlock: false,
  strike: false,
  underline: false,
  horizontalRule: false,
  heading: { levels: [...HEADING_LEVELS] },
  link: {
    openOnClick: false,
    autolink: true,
    defaultProtocol: 'https',
    protocols: ['mailto'],
    isAllowedUri: (url) => isAllowedLink(url),
    // Links in stored copy carry no target; rel is decided when rendering.
    HTMLAttributes: { target: null, rel: null, class: null },
  },
});

export const bodyExtensions = [bodyStarterKit, PhotoNode];

/**
 * The same schema for a body shared with others: the shared document keeps the undo history (each
 * person undoes only their own changes), and Tiptap's closing-paragraph rule, which every open editor
 * would apply at once (one paragraph per person), gives way to LocalTrailingParagraph.
 */
export const sharedBodyExtensions = [bodyStarterKit.configure({ undoRedo: false, trailingNode: false }), PhotoNode];

/** The ProseMirror schema built from the same extensions the editor runs. */
export const bodySchema = getSchema(bodyExtensions);
