import { z } from 'zod';

/**
 * The article body as a ProseMirror document. This first schema knows paragraphs of plain text;
 * the rich editor widens it (headings, marks, lists, photos) without changing how bodies are stored.
 */
const TextNode = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1, 'Text nodes cannot be empty'),
});

const Paragraph = z.strictObject({
  type: z.literal('paragraph'),
  content: z.array(TextNode).optional(),
});

const NOT_A_DOCUMENT = 'The body must be a document';

export const BodyDoc = z.strictObject(
  {
    type: z.literal('doc', { error: NOT_A_DOCUMENT }),
    content: z.array(Paragraph),
  },
  // A body that is not even an object (a string, null) gets the same message, not zod's default.
  { error: (issue) => (issue.code === 'invalid_type' ? NOT_A_DOCUMENT : undefined) },
);
export type BodyDoc = z.infer<typeof BodyDoc>;

/** A stored body may be at most this large (its JSON, in bytes). */
export const MAX_BODY_BYTES = 1_000_000;

export const EMPTY_BODY: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** One paragraph per line, as the plain body field shows it. */
export function plainTextToDoc(text: string): BodyDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return {
    type: 'doc',
    content: lines.map((line) => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

export function docToPlainText(doc: BodyDoc): string {
  return doc.content.map((paragraph) => (paragraph.content ?? []).map((node) => node.text).join('')).join('\n');
}
