/**
 * Legal removals applied to published text (docs/decisions/024). Pure, so the server applies it to
 * every public output and the tests can run it on any shape; the desk's own copies never pass here.
 */

/** What readers see in place of removed words, in every version and every output. */
export const LEGAL_REMOVAL_PLACEHOLDER = '[removed for legal reasons]';

/**
 * The removals of one story as one pattern: each text matched regardless of case, and of the
 * spacing between its words (a line break or a double space does not let it through). Longest
 * first, so a removal inside a longer one does not leave the longer one's remains. Null for none.
 */
export function removalPattern(texts: readonly string[]): RegExp | null {
  const alternatives = [...new Set(texts.map((text) => text.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((text) => text.split(/\s+/u).map(escapeRegExp).join('\\s+'));
  return alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactText(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, LEGAL_REMOVAL_PLACEHOLDER) : text;
}

/**
 * The keys whose string values are text a reader reads. Everything else (addresses, ids, hashes,
 * times, a node's `type`, a link's `href`) is kept as it is: a removal of "news" must not break
 * `/news/…` links or turn a paragraph node into something else.
 */
const TEXT_KEYS = new Set([
  'headline',
  'standfirst',
  'byline',
  'datelinePlace',
  'datelineSource',
  'bodyText',
  'text',
  'caption',
  'credit',
  'creditLine',
  'altText',
  'alt',
  'note',
  'publicNote',
  'photographer',
  'agency',
  'copyrightNotice',
  'keyPoints',
]);

/**
 * A published story (or any part of one: a teaser, a version, a body, a live entry) with its
 * removals applied to every text a reader reads, its shape unchanged. A body's text nodes are read
 * together per paragraph, so words split across bold and plain runs are removed as well.
 */
export function redactPublished<T>(value: T, pattern: RegExp | null): T {
  return pattern ? (redactValue(value, pattern, false) as T) : value;
}

function redactValue(value: unknown, pattern: RegExp, isText: boolean): unknown {
  if (typeof value === 'string') return isText ? redactText(value, pattern) : value;
  if (Array.isArray(value)) {
    // A run's nodes are done as a whole: read again one by one, a placeholder could match itself.
    if (isInlineRun(value)) return redactInlineRun(value, pattern);
    return value.map((item) => redactValue(item, pattern, isText));
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, pattern, TEXT_KEYS.has(key))]));
}

type InlineNode = { type: string; text?: string };

/** A paragraph's or heading's content: text nodes and line breaks. */
function isInlineRun(items: readonly unknown[]): items is InlineNode[] {
  return items.some((item) => isNode(item) && item.type === 'text') && items.every((item) => isNode(item) && (item.type === 'text' || item.type === 'hardBreak'));
}

function isNode(item: unknown): item is InlineNode {
  return typeof item === 'object' && item !== null && typeof (item as InlineNode).type === 'string';
}

/**
 * Removes matches that run across text nodes: the placeholder goes where the match begins, in that
 * node's formatting, and the removed words are cut from every node they touch. A line break counts
 * as a space, as it reads.
 */
function redactInlineRun(nodes: InlineNode[], pattern: RegExp): InlineNode[] {
  const pieces = nodes.map((node) => (node.type === 'text' ? (node.text ?? '') : '\n'));
  const joined = pieces.join('');
  const matches = [...joined.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  if (matches.length === 0) return nodes;
  const result: InlineNode[] = [];
  let offset = 0;
  nodes.forEach((node, index) => {
    const start = offset;
    const end = (offset += pieces[index]!.length);
    if (node.type !== 'text') {
      if (!matches.some((match) => match.start <= start && end <= match.end)) result.push(node);
      return;
    }
    let text = '';
    for (let at = start; at < end; at++) {
      const match = matches.find((candidate) => candidate.start <= at && at < candidate.end);
      if (!match) text += joined[at];
      else if (match.start === at) text += LEGAL_REMOVAL_PLACEHOLDER;
    }
    if (text) result.push({ ...node, text });
  });
  return result;
}

/**
 * Whether the removals leave nothing of these texts to read: no letter or digit outside the
 * placeholders. A withdrawn story removed whole this way no longer offers its history.
 */
export function leavesNothing(texts: readonly string[], pattern: RegExp | null): boolean {
  return texts.every((text) => !/[\p{L}\p{N}]/u.test(redactText(text, pattern).split(LEGAL_REMOVAL_PLACEHOLDER).join('')));
}
