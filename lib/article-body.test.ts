import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SaveArticleInput } from '@/lib/validation/article';
import { FULL_BODY, linkTo } from '@/tests/body-fixtures';
import { BodyDoc, EMPTY_BODY, plainTextToDoc } from './article-body';
import { bodyPlainText } from './editor/body-text';

describe('plain text ⇄ body document', () => {
  it('makes one paragraph per line, empty lines as empty paragraphs', () => {
    expect(plainTextToDoc('First para.\n\nSecond para.')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First para.' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second para.' }] },
      ],
    });
  });

  it('round-trips text, keeping empty lines, leading and trailing blank lines and spaces', () => {
    for (const text of ['One line', 'a\nb', 'a\n\n\nb', '\nstarts blank', 'ends blank\n', '  indented  \n\t tab', '']) {
      const doc = plainTextToDoc(text);
      expect(BodyDoc.safeParse(doc).success).toBe(true);
      expect(bodyPlainText(doc)).toBe(text);
    }
  });

  it('reads Windows and old Mac line endings as line breaks', () => {
    expect(bodyPlainText(plainTextToDoc('a\r\nb\rc\r\n\r\nd'))).toBe('a\nb\nc\n\nd');
    expect(plainTextToDoc('a\r\n\r\nb').content).toHaveLength(3);
  });

  it('treats the empty body as one empty paragraph', () => {
    expect(plainTextToDoc('')).toEqual(EMPTY_BODY);
    expect(bodyPlainText(EMPTY_BODY)).toBe('');
  });

  it('joins several text nodes of a paragraph', () => {
    const doc: BodyDoc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello, ' }, { type: 'text', text: 'world' }] }],
    };
    expect(bodyPlainText(doc)).toBe('Hello, world');
  });
});

describe('BodyDoc schema', () => {
  it('accepts a rich body and gives it back as ProseMirror writes it', () => {
    expect(BodyDoc.parse(FULL_BODY)).toEqual(FULL_BODY);
    const sent = {
      type: 'doc',
      content: [
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hello, ', marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://example.org' } }] },
            { type: 'text', text: 'world', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'italic' }] },
          ],
        },
      ],
    };
    expect(BodyDoc.parse(sent)).toEqual({
      type: 'doc',
      content: [
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        {
          type: 'paragraph',
          // Marks in schema order, missing attributes filled in, and the two runs joined.
          content: [{ type: 'text', text: 'Hello, world', marks: [{ type: 'link', attrs: linkTo('https://example.org') }, { type: 'italic' }] }],
        },
      ],
    });
  });

  it('reports the problem checkBody finds as its one issue', () => {
    const result = BodyDoc.safeParse({ type: 'doc', content: [{ type: 'script' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[[], 'Unknown node type “script”']]);
  });

  it('types the parsed article body as a BodyDoc', () => {
    expectTypeOf<SaveArticleInput['body']>().toEqualTypeOf<BodyDoc>();
  });
});
