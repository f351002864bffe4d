import type { BodyDoc, BodyLinkAttrs } from '@/lib/article-body';

/** A link's attributes as Tiptap saves them: every declared one, unset ones null. */
export const linkTo = (href: string): BodyLinkAttrs => ({ href, target: null, rel: null, class: null, title: null });

/**
 * A body using every node and mark the schema has, exactly as the editor saves it (so it survives
 * validation unchanged); shared by the validation, plain-text and rendering tests.
 */
export const FULL_BODY: BodyDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Council votes' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The vote was ' },
        { type: 'text', text: '31 to 12', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: ', says the ' },
        { type: 'text', text: 'full report', marks: [{ type: 'link', attrs: linkTo('https://example.org/report') }] },
        { type: 'text', text: '.' },
        { type: 'hardBreak' },
        { type: 'text', text: 'Write to ' },
        { type: 'text', text: 'the desk', marks: [{ type: 'link', attrs: linkTo('mailto:desk@example.org') }] },
      ],
    },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Reaction' }] },
    {
      type: 'blockquote',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'We listed three demands:' }] },
        {
          type: 'orderedList',
          attrs: { start: 3, type: null },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Housing' }] }] },
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'Transport' }] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Buses' }] }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    { type: 'photo', attrs: { photoId: 7, caption: 'The chamber', credit: 'Ana Lens/Dateline', alt: 'Councillors voting' } },
    { type: 'paragraph' },
  ],
};
