import { describe, expect, it } from 'vitest';
import { BodyDoc, docToPlainText, EMPTY_BODY, plainTextToDoc } from './article-body';

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
      expect(docToPlainText(doc)).toBe(text);
    }
  });

  it('reads Windows and old Mac line endings as line breaks', () => {
    expect(docToPlainText(plainTextToDoc('a\r\nb\rc\r\n\r\nd'))).toBe('a\nb\nc\n\nd');
    expect(plainTextToDoc('a\r\n\r\nb').content).toHaveLength(3);
  });

  it('treats the empty body as one empty paragraph', () => {
    expect(plainTextToDoc('')).toEqual(EMPTY_BODY);
    expect(docToPlainText(EMPTY_BODY)).toBe('');
  });

  it('joins several text nodes of a paragraph', () => {
    const doc: BodyDoc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello, ' }, { type: 'text', text: 'world' }] }],
    };
    expect(docToPlainText(doc)).toBe('Hello, world');
  });
});
