import type { ContentMatch, Node as ProseMirrorNode, NodeType } from '@tiptap/pm/model';
import { bodySchema, HEADING_LEVELS } from './body-schema';
import { isAllowedLink } from './link-policy';

/**
 * The server's check of a body sent by a browser. ProseMirror's own `nodeFromJSON` is not enough:
 * it drops attributes it does not know without a word, fills in defaults for missing ones (a heading
 * without a level becomes level 1, which our editor never makes) and recurses without a limit. So the
 * JSON is walked here first, without recursion, and only then handed to ProseMirror to check the
 * content rules (what may sit inside what).
 */

/** Deeper than any real story (a list in a list in a quote is 6); deep enough to refuse abuse early. */
export const MAX_BODY_DEPTH = 40;
/**
 * A body within MAX_BODY_BYTES holds at most ~50,000 nodes (the smallest is 20 bytes of JSON), so
 * this never refuses a body the size limit allows; it bounds the work before that limit is checked.
 */
export const MAX_BODY_NODES = 100_000;

export type BodyCheck = { ok: true; doc: ProseMirrorNode } | { ok: false; problem: string };

export const NOT_A_DOCUMENT = 'The body must be a document';

const NODE_NAMES: Record<string, string> = {
  doc: 'a document',
  paragraph: 'a paragraph',
  heading: 'a heading',
  blockquote: 'a quote',
  bulletList: 'a bulleted list',
  orderedList: 'a numbered list',
  listItem: 'a list item',
  hardBreak: 'a line break',
  text: 'text',
  photo: 'a photo',
};
const MARK_NAMES: Record<string, string> = { bold: 'bold', italic: 'italic', link: 'a link' };

/** The HTML `type` values of a numbered list (what Tiptap parses from pasted lists). */
export const ORDERED_LIST_STYLES = ['1', 'a', 'A', 'i', 'I'] as const;

/** One rule per declared attribute; a declared attribute without a rule is refused (fail closed). */
type AttrRule = (value: unknown) => string | null;

const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

const optionalText =
  (what: string): AttrRule =>
  (value) =>
    value === undefined || value === null || typeof value === 'string' ? null : `${what} must be text`;

const NODE_ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  heading: {
    level: (value) =>
      (HEADING_LEVELS as readonly unknown[]).includes(value)
        ? null
        : `Headings must be level 2 or 3${value === undefined ? '' : `, not ${quote(value)}`}`,
  },
  orderedList: {
    start: (value) =>
      value === undefined || isPositiveInteger(value) ? null : `A numbered list must start at a positive whole number, not ${quote(value)}`,
    type: (value) =>
      value === undefined || value === null || (ORDERED_LIST_STYLES as readonly unknown[]).includes(value)
        ? null
        : `Unknown numbering style ${quote(value)}`,
  },
  photo: {
    photoId: (value) => (isPositiveInteger(value) ? null : 'A photo must name a library photo by its id'),
    caption: optionalText('A photo’s caption'),
    credit: optionalText('A photo’s credit'),
    alt: optionalText('A photo’s alternative text'),
  },
};

const MARK_ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  link: {
    href: (value) => {
      if (typeof value !== 'string' || value.trim() === '') return 'A link needs an address';
      return isAllowedLink(value) ? null : `Links must be http(s) or mailto: ${quote(value)}`;
    },
    // Declared by Tiptap's link and filled from pasted HTML; stored but never rendered.
    target: optionalText('A link’s target'),
    rel: optionalText('A link’s rel'),
    class: optionalText('A link’s class'),
    title: optionalText('A link’s title'),
  },
};

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);

/** Checks an untrusted body against the body schema; the problem is written for the writer. */
export function checkBody(json: unknown): BodyCheck {
  if (!isPlainObject(json) || json.type !== 'doc') return { ok: false, problem: NOT_A_DOCUMENT };

  const problem = walkJson(json);
  if (problem) return { ok: false, problem };

  let doc: ProseMirrorNode;
  try {
    doc = bodySchema.nodeFromJSON(json);
  } catch (error) {
    return { ok: false, problem: `The body could not be read: ${describeError(error)}` };
  }
  try {
    doc.check();
  } catch (error) {
    return { ok: false, problem: findContentProblem(doc) ?? `The body’s structure is not valid: ${describeError(error)}` };
  }
  return { ok: true, doc };
}

/** Depth-first with an explicit stack, so a deeply nested body is refused rather than overflowing. */
function walkJson(root: Record<string, unknown>): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++count > MAX_BODY_NODES) return `The body has too many parts (more than ${MAX_BODY_NODES.toLocaleString('en')})`;
    const problem = checkNodeShape(value);
    if (problem) return problem;

    const content = (value as { content?: unknown[] }).content;
    if (content && content.length > 0) {
      if (depth >= MAX_BODY_DEPTH) return `The body is nested too deeply (more than ${MAX_BODY_DEPTH} levels)`;
      // Reversed, so problems are found in reading order.
      for (let i = content.length - 1; i >= 0; i--) stack.push({ value: content[i], depth: depth + 1 });
    }
  }
  return null;
}

/** One node on its own: its keys, type, attributes, marks and text; not its children. */
function checkNodeShape(value: unknown): string | null {
  if (!isPlainObject(value)) return 'Each part of the body must be an object';
  const { type } = value;
  if (typeof type !== 'string') return 'Each part of the body needs a type';
  const nodeType = Object.hasOwn(bodySchema.nodes, type) ? bodySchema.nodes[type] : undefined;
  if (!nodeType) return `Unknown node type ${quote(type)}`;
  const name = nodeName(type);

  const extraKey = Object.keys(value).find((key) => !NODE_KEYS.has(key));
  if (extraKey !== undefined) return `${capitalize(name)} has an unexpected key ${quote(extraKey)}`;

  if (type === 'text') {
    if (typeof value.text !== 'string') return 'Text nodes must have text';
    if (value.text === '') return 'Text nodes cannot be empty';
    if ('content' in value) return 'Text nodes cannot have content';
  } else if ('text' in value) {
    return `${capitalize(name)} cannot have text of its own; only text nodes do`;
  }

  if ('content' in value && !Array.isArray(value.content)) return `The content of ${name} must be a list`;

  const attrProblem = checkAttrs(value.attrs, nodeType.spec.attrs, NODE_ATTR_RULES[type], name);
  if (attrProblem) return attrProblem;

  if ('marks' in value) {
    if (!Array.isArray(value.marks)) return `The formatting of ${name} must be a list`;
    const seen = new Set<string>();
    for (const mark of value.marks as unknown[]) {
      const problem = checkMarkShape(mark, name);
      if (problem) return problem;
      const markType = (mark as { type: string }).type;
      if (seen.has(markType)) return `${capitalize(markName(markType))} is applied twice to ${name}`;
      seen.add(markType);
    }
  }
  return null;
}

function checkMarkShape(mark: unknown, on: string): string | null {
  if (!isPlainObject(mark)) return `The formatting of ${on} must be a list of objects`;
  const { type } = mark;
  if (typeof type !== 'string') return `Formatting on ${on} needs a type`;
  const markType = Object.hasOwn(bodySchema.marks, type) ? bodySchema.marks[type] : undefined;
  if (!markType) return `Unknown mark type ${quote(type)}`;
  const extraKey = Object.keys(mark).find((key) => !MARK_KEYS.has(key));
  if (extraKey !== undefined) return `${capitalize(markName(type))} has an unexpected key ${quote(extraKey)}`;
  return checkAttrs(mark.attrs, markType.spec.attrs, MARK_ATTR_RULES[type], markName(type));
}

function checkAttrs(
  attrs: unknown,
  declared: Record<string, unknown> | undefined,
  rules: Record<string, AttrRule> | undefined,
  on: string,
): string | null {
  let given: Record<string, unknown> = {};
  if (attrs !== undefined) {
    if (!isPlainObject(attrs)) return `The attributes of ${on} must be an object`;
    given = attrs;
  }
  for (const key of Object.keys(given)) {
    if (!declared || !Object.hasOwn(declared, key) || !rules || !Object.hasOwn(rules, key)) {
      return `Attribute ${quote(key)} is not allowed on ${on}`;
    }
  }
  // Every rule runs, present or not: some attributes are required (a heading's level, a link's href).
  for (const [key, rule] of Object.entries(rules ?? {})) {
    const problem = rule(given[key]);
    if (problem) return problem;
  }
  return null;
}

/**
 * Turns ProseMirror's "Invalid content for node paragraph: <…>" into a sentence: finds the first
 * node whose children break its content expression (or carry formatting it does not allow).
 */
function findContentProblem(node: ProseMirrorNode): string | null {
  const parentName = node.type.name === 'doc' ? 'the body' : nodeName(node.type.name);
  let match: ContentMatch | null = node.type.contentMatch;
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    const childName = nodeName(child.type.name);
    const next: ContentMatch | null = match.matchType(child.type);
    if (!next) {
      const where = node.type.name === 'doc' ? 'directly in the body' : `inside ${parentName}`;
      if (!mayContain(node.type, child.type)) return `${capitalize(childName)} cannot go ${where}`;
      return `In ${parentName}, ${childName} cannot come ${index === 0 ? 'first' : 'there'}; expected ${expectedAt(match)}`;
    }
    if (!node.type.allowsMarks(child.marks)) {
      const mark = child.marks.find((m) => !node.type.allowsMarkType(m.type)) ?? child.marks[0];
      return `${capitalize(markName(mark?.type.name ?? ''))} is not allowed on ${childName}`;
    }
    match = next;
  }
  if (!match.validEnd) {
    if (node.childCount === 0) return `${capitalize(parentName)} cannot be empty`;
    return `${capitalize(parentName)} is incomplete; expected ${expectedAt(match)} at the end`;
  }
  for (let index = 0; index < node.childCount; index++) {
    const problem = findContentProblem(node.child(index));
    if (problem) return problem;
  }
  return null;
}

/** Whether `child` may appear anywhere in `parent`'s content, to tell "never here" from "not here". */
function mayContain(parent: NodeType, child: NodeType): boolean {
  const seen = new Set<ContentMatch>();
  const queue = [parent.contentMatch];
  for (let match = queue.pop(); match; match = queue.pop()) {
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      if (edge.type === child) return true;
      queue.push(edge.next);
    }
  }
  return false;
}

function expectedAt(match: ContentMatch): string {
  const names = Array.from({ length: match.edgeCount }, (_, i) => nodeName(match.edge(i).type.name));
  if (names.length === 0) return 'nothing more';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const nodeName = (type: string) => NODE_NAMES[type] ?? `a “${type}”`;
const markName = (type: string) => MARK_NAMES[type] ?? `“${type}”`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const MAX_QUOTED = 60;

/** A value as the writer should see it in a problem: quoted, and cut short if long. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `“${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}”`;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 120 ? `${message.slice(0, 120)}…` : message;
}
