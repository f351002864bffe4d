import type { BodyBlock, BodyDoc, BodyInline, BodyListItem, BodyMark } from '@/lib/article-body';
import { AppError } from '@/lib/app-error';
import { isAllowedLink } from '@/lib/editor/link-policy';

/**
 * An element tree as both parsers give it: NewsML-G2's inline XHTML or NITF (fast-xml-parser) and a
 * ninjs HTML body (htmlparser2). Names are local (no namespace prefix) and lower-cased.
 */
export type MarkupNode = { tag: string; attrs: Record<string, string>; children: MarkupNode[] } | { text: string };
export type MarkupElement = Extract<MarkupNode, { tag: string }>;

/**
 * Agency copy becomes the article body by an allowlist: only what the editor's schema has is kept,
 * every other element gives up its text (or, for these, nothing). Nothing in a wire body is ever
 * rendered as HTML, so a script in it is dropped here and cannot run anywhere.
 */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'form', 'noscript', 'head',
  'title', 'meta', 'link', 'button', 'input', 'select', 'textarea', 'canvas', 'video', 'audio', 'img',
  // The headline and byline are the item's metadata, and its photos go through the photo pipeline.
  'figure', 'h1', 'body.head', 'hedline', 'byline', 'body.end', 'media', 'tagline',
]);
const HEADINGS: Record<string, 2 | 3> = { h2: 2, hl2: 2, h3: 3, h4: 3, h5: 3, h6: 3 };
const QUOTES = new Set(['blockquote', 'bq']);
const LISTS = new Set(['ul', 'ol']);
/** Elements that hold blocks; their own box means nothing to a story. */
const CONTAINERS = new Set(['html', 'body', 'nitf', 'body.content', 'div', 'section', 'article', 'main', 'block', 'header', 'footer', 'aside', 'center', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'li']);
const BOLD = new Set(['strong', 'b']);
const ITALIC = new Set(['em', 'i']);

const MAX_DEPTH = 60;

function isBlockElement(node: MarkupNode): boolean {
  if (!('tag' in node)) return false;
  return node.tag === 'p' || node.tag in HEADINGS || QUOTES.has(node.tag) || LISTS.has(node.tag) || CONTAINERS.has(node.tag);
}

function tooDeep(): AppError {
  return new AppError('INVALID', `The item's body is nested more than ${MAX_DEPTH} elements deep.`);
}

/** The body a story's editor can hold, from the agency's markup. */
export function markupToBody(nodes: readonly MarkupNode[]): BodyDoc {
  const content = blocks(nodes, 0);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** A plain-text body: a paragraph per line that has words. */
export function plainTextBody(text: string): BodyDoc {
  return markupToBody(
    text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => ({ tag: 'p', attrs: {}, children: [{ text: line }] })),
  );
}

function blocks(nodes: readonly MarkupNode[], depth: number): BodyBlock[] {
  if (depth > MAX_DEPTH) throw tooDeep();
  const out: BodyBlock[] = [];
  let pending: MarkupNode[] = [];
  const flush = () => {
    const paragraph = paragraphOf(pending, depth);
    if (paragraph) out.push(paragraph);
    pending = [];
  };
  for (const node of nodes) {
    if (!('tag' in node)) {
      pending.push(node);
      continue;
    }
    if (DROPPED.has(node.tag)) continue;
    if (!isBlockElement(node)) {
      pending.push(node);
      continue;
    }
    flush();
    out.push(...blockOf(node, depth));
  }
  flush();
  return out;
}

function blockOf(node: MarkupElement, depth: number): BodyBlock[] {
  if (node.tag === 'p') {
    const paragraph = paragraphOf(node.children, depth);
    return paragraph ? [paragraph] : [];
  }
  const level = HEADINGS[node.tag];
  if (level !== undefined) {
    const content = inlineRun(node.children, depth);
    return content.length > 0 ? [{ type: 'heading', attrs: { level }, content }] : [];
  }
  if (QUOTES.has(node.tag)) {
    const content = blocks(node.children, depth + 1);
    return content.length > 0 ? [{ type: 'blockquote', content }] : [];
  }
  if (LISTS.has(node.tag)) {
    const items: BodyListItem[] = node.children
      .filter((child): child is MarkupElement => 'tag' in child && child.tag === 'li')
      .map((item): BodyListItem => ({ type: 'listItem', content: blocks(item.children, depth + 1) }))
      .filter((item) => item.content.length > 0);
    if (items.length === 0) return [];
    return [node.tag === 'ol' ? { type: 'orderedList', content: items } : { type: 'bulletList', content: items }];
  }
  return blocks(node.children, depth + 1);
}

function paragraphOf(nodes: readonly MarkupNode[], depth: number): BodyBlock | null {
  const content = inlineRun(nodes, depth);
  return content.length > 0 ? { type: 'paragraph', content } : null;
}

/** Inline content with runs of white space made one space, and none at the ends. */
function inlineRun(nodes: readonly MarkupNode[], depth: number): BodyInline[] {
  const run = inline(nodes, [], depth);
  const collapsed: BodyInline[] = [];
  for (const item of run) {
    if (item.type !== 'text') {
      collapsed.push(item);
      continue;
    }
    const previous = collapsed.at(-1);
    const atLineStart = previous === undefined || previous.type === 'hardBreak' || /\s$/.test(previous.text);
    const spaced = item.text.replace(/\s+/g, ' ');
    const text = atLineStart ? spaced.replace(/^ /, '') : spaced;
    if (text !== '') collapsed.push({ ...item, text });
  }
  const last = collapsed.at(-1);
  if (last?.type === 'text') {
    const text = last.text.replace(/ $/, '');
    if (text === '') collapsed.pop();
    else collapsed[collapsed.length - 1] = { ...last, text };
  }
  while (collapsed.at(-1)?.type === 'hardBreak') collapsed.pop();
  return collapsed;
}

function inline(nodes: readonly MarkupNode[], marks: readonly BodyMark[], depth: number): BodyInline[] {
  if (depth > MAX_DEPTH) throw tooDeep();
  const out: BodyInline[] = [];
  for (const node of nodes) {
    if (!('tag' in node)) {
      if (node.text !== '') out.push(marks.length > 0 ? { type: 'text', text: node.text, marks: [...marks] } : { type: 'text', text: node.text });
      continue;
    }
    if (DROPPED.has(node.tag)) continue;
    if (node.tag === 'br') {
      out.push({ type: 'hardBreak' });
      continue;
    }
    out.push(...inline(node.children, [...marks, ...markOf(node, marks)], depth + 1));
    // A block inside inline content (a paragraph in a list item's link) still ends its line.
    if (isBlockElement(node)) out.push({ type: 'text', text: ' ' });
  }
  return out;
}

function markOf(node: MarkupElement, marks: readonly BodyMark[]): BodyMark[] {
  const has = (type: BodyMark['type']) => marks.some((mark) => mark.type === type);
  if (BOLD.has(node.tag) && !has('bold')) return [{ type: 'bold' }];
  if (ITALIC.has(node.tag) && !has('italic')) return [{ type: 'italic' }];
  const href = node.attrs.href?.trim();
  if (node.tag === 'a' && href && isAllowedLink(href) && !has('link')) return [{ type: 'link', attrs: { href } }];
  return [];
}
