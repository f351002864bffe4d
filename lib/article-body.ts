import { z } from 'zod';
import { checkBody } from '@/lib/editor/validate-body';

/**
 * The article body as ProseMirror JSON, in the shape `lib/editor/body-schema.ts` allows. The types
 * describe a body that has passed `BodyDoc`; the schema is the one place that decides what passes.
 */
export type BodyMark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: BodyLinkAttrs };
export type BodyLinkAttrs = {
  href: string;
  // Tiptap's link declares these and fills them from pasted HTML; they are never rendered.
  target?: string | null;
  rel?: string | null;
  class?: string | null;
  title?: string | null;
};

export type BodyText = { type: 'text'; text: string; marks?: BodyMark[] };
export type BodyHardBreak = { type: 'hardBreak'; marks?: BodyMark[] };
export type BodyInline = BodyText | BodyHardBreak;

export type BodyParagraph = { type: 'paragraph'; content?: BodyInline[] };
export type BodyHeading = { type: 'heading'; attrs: { level: 2 | 3 }; content?: BodyInline[] };
export type BodyBlockquote = { type: 'blockquote'; content: BodyBlock[] };
export type BodyListItem = { type: 'listItem'; content: BodyBlock[] };
export type BodyBulletList = { type: 'bulletList'; content: BodyListItem[] };
export type BodyOrderedList = {
  type: 'orderedList';
  attrs?: { start?: number; type?: '1' | 'a' | 'A' | 'i' | 'I' | null };
  content: BodyListItem[];
};
export type BodyPhoto = {
  type: 'photo';
  attrs: { photoId: number; caption?: string | null; credit?: string | null; alt?: string | null };
};
export type BodyBlock = BodyParagraph | BodyHeading | BodyBlockquote | BodyBulletList | BodyOrderedList | BodyPhoto;

export type BodyNode = BodyBlock | BodyListItem | BodyInline;
export type BodyDoc = { type: 'doc'; content: BodyBlock[] };

/**
 * Accepts exactly what `checkBody` accepts, with its problem as the message, and gives back the
 * body as ProseMirror writes it (defaults filled in, marks in schema order, adjacent text with the
 * same formatting joined), so what is stored does not depend on which client sent it.
 */
export const BodyDoc = z.unknown().transform((value, ctx): BodyDoc => {
  const result = checkBody(value);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: result.problem, input: value });
    return z.NEVER;
  }
  return result.doc.toJSON() as BodyDoc;
});

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
