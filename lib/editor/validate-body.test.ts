import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, plainTextToDoc } from '@/lib/article-body';
import { FULL_BODY, linkTo } from '@/tests/body-fixtures';
import { bodySchema } from './body-schema';
import { checkBody, MAX_BODY_DEPTH, MAX_BODY_NODES, NOT_A_DOCUMENT } from './validate-body';

function problemOf(json: unknown): string {
  const result = checkBody(json);
  if (result.ok) throw new Error('Expected checkBody to refuse the body');
  return result.problem;
}

function expectAccepted(json: unknown) {
  const result = checkBody(json);
  expect(result.ok ? 'accepted' : result.problem).toBe('accepted');
}

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
/** A body whose one paragraph holds `node`. */
const inPara = (node: unknown) => doc(para(node));
const linked = (attrs: unknown) => inPara(text('click', [{ type: 'link', attrs }]));
const photo = (attrs: Record<string, unknown>) => doc({ type: 'photo', attrs });
const listItem = (...content: unknown[]) => ({ type: 'listItem', content });

/** A body exactly `depth` levels deep: the doc, quotes, a paragraph and its text. */
function nested(depth: number, inner: unknown = para(text('deep'))): unknown {
  let node = inner;
  for (let level = 3; level < depth; level++) node = { type: 'blockquote', content: [node] };
  return doc(node);
}

describe('checkBody: what passes', () => {
  it('accepts a story using every node and mark, unchanged by ProseMirror', () => {
    const result = checkBody(FULL_BODY);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc.toJSON()).toEqual(FULL_BODY);
  });

  it('accepts the bodies already stored: paragraphs of plain text and the empty body', () => {
    expectAccepted(EMPTY_BODY);
    expectAccepted(plainTextToDoc('First.\n\nSecond, with “quotes” & <angles>.'));
  });

  it('accepts nodes without optional attributes, and fills in their defaults', () => {
    const result = checkBody(doc({ type: 'orderedList', content: [listItem(para(text('One')))] }));
    expect(result.ok && result.doc.firstChild?.attrs).toEqual({ start: 1, type: null });
  });

  it('knows only the node and mark types the renderer and plain text handle', () => {
    // Adding a type to the schema must come with its rules here, its rendering and its plain text.
    expect(Object.keys(bodySchema.nodes).sort()).toEqual(
      ['blockquote', 'bulletList', 'doc', 'hardBreak', 'heading', 'listItem', 'orderedList', 'paragraph', 'photo', 'text'].sort(),
    );
    expect(Object.keys(bodySchema.marks).sort()).toEqual(['bold', 'italic', 'link']);
  });
});

describe('checkBody: the shape of the JSON', () => {
  it('refuses anything but a document at the top', () => {
    for (const value of [null, undefined, 'just a string', 42, [], para(text('x')), { content: [] }]) {
      expect(problemOf(value)).toBe(NOT_A_DOCUMENT);
    }
  });

  it('refuses parts that are not objects or have no type', () => {
    expect(problemOf(doc('a string'))).toBe('Each part of the body must be an object');
    expect(problemOf(doc([para()]))).toBe('Each part of the body must be an object');
    expect(problemOf(doc({ content: [] }))).toBe('Each part of the body needs a type');
    expect(problemOf(doc({ type: 7 }))).toBe('Each part of the body needs a type');
  });

  it('refuses keys other than type, attrs, content, marks and text', () => {
    expect(problemOf(doc({ type: 'paragraph', onclick: 'alert(1)' }))).toBe('A paragraph has an unexpected key “onclick”');
    expect(problemOf(inPara(text('x', [{ type: 'bold', href: 'x' }])))).toBe('Bold has an unexpected key “href”');
    expect(problemOf({ ...doc(para()), version: 2 })).toBe('A document has an unexpected key “version”');
    // JSON.parse makes "__proto__" an ordinary key; it is refused like any other.
    expect(problemOf(JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"x":1}}]}'))).toBe(
      'A paragraph has an unexpected key “__proto__”',
    );
  });

  it('refuses content, attrs and marks of the wrong kind', () => {
    expect(problemOf(doc({ type: 'paragraph', content: 'text' }))).toBe('The content of a paragraph must be a list');
    expect(problemOf(doc({ type: 'heading', attrs: null }))).toBe('The attributes of a heading must be an object');
    expect(problemOf(inPara({ type: 'text', text: 'x', marks: 'bold' }))).toBe('The formatting of text must be a list');
    expect(problemOf(inPara(text('x', ['bold'])))).toBe('The formatting of text must be a list of objects');
    expect(problemOf(inPara(text('x', [{}])))).toBe('Formatting on text needs a type');
  });
});

describe('checkBody: node and mark types', () => {
  it('refuses unknown node types, naming them', () => {
    expect(problemOf(doc({ type: 'script', content: [] }))).toBe('Unknown node type “script”');
    expect(problemOf(doc({ type: 'codeBlock' }))).toBe('Unknown node type “codeBlock”');
    expect(problemOf(doc({ type: 'constructor' }))).toBe('Unknown node type “constructor”');
    expect(problemOf(doc({ type: 'x'.repeat(500) }))).toBe(`Unknown node type “${'x'.repeat(60)}…”`);
  });

  it('refuses unknown mark types, naming them', () => {
    expect(problemOf(inPara(text('x', [{ type: 'code' }])))).toBe('Unknown mark type “code”');
    expect(problemOf(inPara(text('x', [{ type: 'strike' }])))).toBe('Unknown mark type “strike”');
  });

  it('refuses the same mark twice on one node', () => {
    expect(problemOf(inPara(text('x', [{ type: 'bold' }, { type: 'bold' }])))).toBe('Bold is applied twice to text');
    const twoLinks = [
      { type: 'link', attrs: { href: 'https://a.example' } },
      { type: 'link', attrs: { href: 'https://b.example' } },
    ];
    expect(problemOf(inPara(text('x', twoLinks)))).toBe('A link is applied twice to text');
    expectAccepted(inPara(text('x', [{ type: 'italic' }, { type: 'bold' }])));
  });
});

describe('checkBody: attributes', () => {
  it('refuses attributes the schema does not declare, naming them (ProseMirror would drop them)', () => {
    expect(problemOf(doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } }))).toBe('Attribute “onclick” is not allowed on a paragraph');
    expect(problemOf(photo({ photoId: 1, onerror: 'alert(1)' }))).toBe('Attribute “onerror” is not allowed on a photo');
    expect(problemOf(linked({ href: 'https://example.org', onmouseover: 'x' }))).toBe('Attribute “onmouseover” is not allowed on a link');
    expect(problemOf(inPara({ type: 'text', text: 'x', attrs: { style: 'color:red' } }))).toBe('Attribute “style” is not allowed on text');
    expect(problemOf(doc({ type: 'heading', attrs: { level: 2, constructor: 1 } }))).toBe('Attribute “constructor” is not allowed on a heading');
  });

  it('allows headings of level 2 and 3 only, and requires the level', () => {
    expectAccepted(doc({ type: 'heading', attrs: { level: 2 } }));
    expectAccepted(doc({ type: 'heading', attrs: { level: 3 }, content: [text('Sub')] }));
    expect(problemOf(doc({ type: 'heading', attrs: { level: 1 } }))).toBe('Headings must be level 2 or 3, not “1”');
    expect(problemOf(doc({ type: 'heading', attrs: { level: 4 } }))).toBe('Headings must be level 2 or 3, not “4”');
    expect(problemOf(doc({ type: 'heading', attrs: { level: '2' } }))).toBe('Headings must be level 2 or 3, not “2”');
    // ProseMirror would make this level 1.
    expect(problemOf(doc({ type: 'heading', content: [text('x')] }))).toBe('Headings must be level 2 or 3');
  });

  it('starts numbered lists at a positive whole number, in a known style', () => {
    const list = (attrs: unknown) => doc({ type: 'orderedList', attrs, content: [listItem(para())] });
    expectAccepted(list({ start: 1 }));
    expectAccepted(list({ start: 12, type: 'i' }));
    for (const start of [0, -3, 1.5, '3', null]) {
      expect(problemOf(list({ start }))).toMatch(/^A numbered list must start at a positive whole number, not “/);
    }
    expect(problemOf(list({ type: 'disc' }))).toBe('Unknown numbering style “disc”');
  });

  it('requires a photo to name a library photo, with text or null for caption, credit and alt', () => {
    expectAccepted(photo({ photoId: 3 }));
    expectAccepted(photo({ photoId: 3, caption: null, credit: 'AP', alt: '' }));
    for (const photoId of [undefined, null, 0, -1, 2.5, '3']) {
      expect(problemOf(photo({ photoId }))).toBe('A photo must name a library photo by its id');
    }
    expect(problemOf(photo({ photoId: 3, caption: 42 }))).toBe('A photo’s caption must be text');
    expect(problemOf(photo({ photoId: 3, credit: {} }))).toBe('A photo’s credit must be text');
    expect(problemOf(photo({ photoId: 3, alt: ['x'] }))).toBe('A photo’s alternative text must be text');
  });

  it('allows links to http, https and mailto only', () => {
    for (const href of ['https://example.org/a?b=c', 'http://example.org', 'mailto:desk@example.org']) expectAccepted(linked({ href }));
    expect(problemOf(linked({ href: 'javascript:alert(1)' }))).toBe('Links must be http(s) or mailto: “javascript:alert(1)”');
    expect(problemOf(linked({ href: ' JavaScript:alert(1)' }))).toBe('Links must be http(s) or mailto: “ JavaScript:alert(1)”');
    expect(problemOf(linked({ href: 'data:text/html,<script>alert(1)</script>' }))).toMatch(/^Links must be http\(s\) or mailto: “data:/);
    expect(problemOf(linked({ href: 'vbscript:x' }))).toMatch(/^Links must be/);
    expect(problemOf(linked({ href: '/relative/path' }))).toMatch(/^Links must be/);
    expect(problemOf(linked({ href: `javascript:${'a'.repeat(1000)}` }))).toBe(`Links must be http(s) or mailto: “javascript:${'a'.repeat(49)}…”`);
  });

  it('requires a link to have an address', () => {
    expect(problemOf(linked({}))).toBe('A link needs an address');
    expect(problemOf(linked({ href: '' }))).toBe('A link needs an address');
    expect(problemOf(linked({ href: 42 }))).toBe('A link needs an address');
    expect(problemOf(inPara(text('x', [{ type: 'link' }])))).toBe('A link needs an address');
  });

  it('accepts the link attributes Tiptap declares as text or null', () => {
    expectAccepted(linked({ ...linkTo('https://example.org'), target: '_blank', rel: 'noopener', title: 'Report' }));
    expect(problemOf(linked({ href: 'https://example.org', target: 1 }))).toBe('A link’s target must be text');
  });
});

describe('checkBody: text', () => {
  it('requires text nodes to have non-empty text and no content', () => {
    expectAccepted(inPara(text(' ')));
    expect(problemOf(inPara(text('')))).toBe('Text nodes cannot be empty');
    expect(problemOf(inPara({ type: 'text' }))).toBe('Text nodes must have text');
    expect(problemOf(inPara({ type: 'text', text: 5 }))).toBe('Text nodes must have text');
    expect(problemOf(inPara({ type: 'text', text: 'x', content: [] }))).toBe('Text nodes cannot have content');
  });

  it('refuses text on nodes other than text', () => {
    expect(problemOf(doc({ type: 'paragraph', text: 'Hi' }))).toBe('A paragraph cannot have text of its own; only text nodes do');
  });
});

describe('checkBody: what may go inside what', () => {
  it('names the node that is out of place', () => {
    expect(problemOf(doc(para(para(text('x')))))).toBe('A paragraph cannot go inside a paragraph');
    expect(problemOf(doc(listItem(para(text('x')))))).toBe('A list item cannot go directly in the body');
    expect(problemOf(doc(text('loose')))).toBe('Text cannot go directly in the body');
    expect(problemOf(doc({ type: 'hardBreak' }))).toBe('A line break cannot go directly in the body');
    expect(problemOf(doc({ type: 'bulletList', content: [para(text('x'))] }))).toBe('A paragraph cannot go inside a bulleted list');
    expect(problemOf(doc({ type: 'blockquote', content: [doc(para())] }))).toBe('A document cannot go inside a quote');
    expect(problemOf(doc({ type: 'photo', attrs: { photoId: 1 }, content: [text('x')] }))).toBe('Text cannot go inside a photo');
  });

  it('says what was expected when a node may appear, but not there', () => {
    expect(problemOf(doc({ type: 'bulletList', content: [listItem({ type: 'bulletList', content: [listItem(para())] })] }))).toBe(
      'In a list item, a bulleted list cannot come first; expected a paragraph',
    );
  });

  it('refuses empty containers', () => {
    expect(problemOf(doc())).toBe('The body cannot be empty');
    expect(problemOf({ type: 'doc' })).toBe('The body cannot be empty');
    expect(problemOf(doc({ type: 'bulletList', content: [] }))).toBe('A bulleted list cannot be empty');
    expect(problemOf(doc({ type: 'blockquote' }))).toBe('A quote cannot be empty');
    expect(problemOf(doc({ type: 'bulletList', content: [listItem()] }))).toBe('A list item cannot be empty');
  });

  it('refuses formatting on blocks', () => {
    expect(problemOf(doc({ type: 'paragraph', marks: [{ type: 'bold' }] }))).toBe('Bold is not allowed on a paragraph');
    expectAccepted(inPara({ type: 'hardBreak', marks: [{ type: 'italic' }] }));
  });
});

describe('checkBody: limits', () => {
  it(`allows ${MAX_BODY_DEPTH} levels of nesting and refuses more`, () => {
    expectAccepted(nested(MAX_BODY_DEPTH));
    expect(problemOf(nested(MAX_BODY_DEPTH + 1))).toBe(`The body is nested too deeply (more than ${MAX_BODY_DEPTH} levels)`);
  });

  it('refuses a body nested 100,000 levels deep quickly, without overflowing the stack', () => {
    // Written out by hand: JSON.stringify itself recurses, and would overflow on this.
    const quotes = 100_000;
    const json = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(quotes)}{"type":"paragraph"}${']}'.repeat(quotes)}]}`;
    const started = performance.now();
    expect(problemOf(JSON.parse(json))).toBe(`The body is nested too deeply (more than ${MAX_BODY_DEPTH} levels)`);
    // Even with unknown types all the way down, the depth is what is found wanting.
    expect(problemOf(nested(100_000, { type: 'script' }))).toMatch(/nested too deeply/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a body of more parts than any body within the size limit has', () => {
    const paragraphs = Array.from({ length: MAX_BODY_NODES }, () => ({ type: 'paragraph' }));
    expect(problemOf(doc(...paragraphs))).toBe('The body has too many parts (more than 100,000)');
    expectAccepted(doc(...paragraphs.slice(1)));
  });
});
