import * as Y from 'yjs';
import { bodySchema } from '@/lib/editor/body-schema';
import { isAllowedLink } from '@/lib/editor/link-policy';
import { MAX_BODY_DEPTH } from '@/lib/editor/validate-body';
import { BODY_ROOT, FIELDS_ROOT, LEAD_PHOTO_ID, LEAD_PHOTO_ROOT, LEAD_PHOTO_TEXTS, TEXT_FIELDS } from './article-document';

/**
 * The door check on a Yjs update a browser sends, before it is stored or applied: it must decode,
 * and everything it creates must have a place in the article's layout (article-document.ts) with
 * only what the body schema allows. The update is read, never applied, so a refused one leaves no
 * trace. y-protocols would apply a bad update and acknowledge it; the fold's body check would then
 * refuse every later fold of the document, and a shared document cannot take a change back.
 *
 * It checks what each new item is and where it goes. The fold's `checkBody` still judges the
 * values of body attributes (a heading's level, a photo's id), whose rules live there, and the
 * finished structure (what a list item holds), which concurrent edits can break whatever each
 * update holds.
 */

/** Well above a long paste of formatted copy (a whole 10,000-word feature is ~200 KiB as an update). */
export const MAX_UPDATE_BYTES = 512 * 1024;
/** One run of text or one attribute value; a 10,000-word feature is ~60,000 characters. */
export const MAX_TEXT_LENGTH = 100_000;

export type UpdateLimits = { maxUpdateBytes: number; maxTextLength: number };

export type UpdateRefusal =
  | 'update-too-large'
  | 'malformed-update'
  /** Where an item goes cannot be found yet: it builds on items this document does not have. Not a refusal on its own. */
  | 'missing-dependency'
  | 'unknown-root'
  | 'unknown-field'
  | 'disallowed-content'
  | 'disallowed-mark'
  | 'disallowed-link'
  | 'disallowed-attribute'
  | 'text-too-long'
  | 'too-deep';

export type UpdateCheck = { ok: true } | { ok: false; reason: UpdateRefusal };

/** Checks a V1 update against `doc`, the document it is meant for, without applying it. */
export function checkUpdate(update: Uint8Array, doc: Y.Doc, limits: Partial<UpdateLimits> = {}): UpdateCheck {
  const { maxUpdateBytes = MAX_UPDATE_BYTES, maxTextLength = MAX_TEXT_LENGTH } = limits;
  if (update.byteLength > maxUpdateBytes) return { ok: false, reason: 'update-too-large' };

  let structs: (Y.Item | Y.GC | Y.Skip)[];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return { ok: false, reason: 'malformed-update' };
  }
  if (!hasOneSectionPerClient(update, structs)) return { ok: false, reason: 'malformed-update' };

  const placeOf = placeResolver(structs, doc);
  for (const struct of structs) {
    // GC and Skip carry no content: a collected range, or a gap in a merged update.
    if (!(struct instanceof Y.Item)) continue;
    const place = placeOf(struct);
    const reason =
      checkContent(struct.content, maxTextLength) ??
      (place === 'missing-dependency' ? checkUnplacedKey(struct.parentSub) : typeof place === 'string' ? place : place === null ? null : checkPlace(struct.content, place));
    if (reason) return { ok: false, reason };
  }
  return { ok: true };
}

type ItemContent = Y.Item['content'];

/**
 * An update lists each client's structs in one section. Yjs keeps only the last section of a
 * client listed twice, so the structs checked here would not be the ones it applies; and the ones
 * it applies could build on structs it then lacks, to be applied later, unchecked, when others
 * supply them. Sections are counted from the update's first number; runs of contiguous structs from
 * the decoded list, where two sections of one client in a row would make a single run.
 */
function hasOneSectionPerClient(update: Uint8Array, structs: readonly (Y.Item | Y.GC | Y.Skip)[]): boolean {
  const clients = new Set<number>();
  let previous: Y.Item | Y.GC | Y.Skip | undefined;
  for (const struct of structs) {
    const continues = previous?.id.client === struct.id.client && previous.id.clock + previous.length === struct.id.clock;
    if (!continues) {
      if (clients.has(struct.id.client)) return false;
      clients.add(struct.id.client);
    }
    previous = struct;
  }
  return clients.size === leadingVarUint(update);
}

/** The variable-length unsigned number an update starts with: 7 bits a byte, lowest first, high bit set on all but the last. */
function leadingVarUint(bytes: Uint8Array): number {
  let value = 0;
  for (let index = 0; index < bytes.length && index < 8; index++) {
    const byte = bytes[index]!;
    value += (byte & 0x7f) * 2 ** (7 * index);
    if (byte < 0x80) return value;
  }
  return Number.NaN;
}

/**
 * Where an item goes: under which root, inside which type (null: the root itself), under which key
 * (null: in sequence; otherwise a map entry or an element's attribute), and how deep.
 */
type Place = { root: string; container: Y.AbstractType<unknown> | null; key: string | null; depth: number };

/** A place, null when Yjs will discard the item (its parent or a neighbour is already collected), or why the update is refused. */
type Resolution = Place | null | UpdateRefusal;

/**
 * Finds each new item's place as Yjs will when it integrates it: from the parent the item names,
 * or, when it names none, from its left neighbour (else its right one). Parents and neighbours are
 * looked up in the document or among the update's own items. Iterative and memoised, so a long
 * chain of items (each typed after the last) costs one pass and cannot overflow the stack.
 */
function placeResolver(structs: readonly (Y.Item | Y.GC | Y.Skip)[], doc: Y.Doc): (item: Y.Item) => Resolution {
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  for (const struct of structs) {
    const ofClient = byClient.get(struct.id.client);
    if (ofClient) ofClient.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const newItems = new Set(structs);
  const places = new Map<Y.Item, Place | null>();

  // Yjs skips what the document already has, even when an update brings other content under the
  // same id; so below the document's state the document's own item counts, as it will for Yjs.
  const structAt = (id: Y.ID): Y.Item | Y.GC | UpdateRefusal => {
    // Typed as Item, but a collected range comes back as GC.
    if (id.clock < Y.getState(doc.store, id.client)) return Y.getItem(doc.store, id) as Y.Item | Y.GC;
    const own = structIn(byClient.get(id.client), id.clock);
    return own && !(own instanceof Y.Skip) ? own : 'missing-dependency';
  };

  return (item) => {
    // Each step of the walk: an item that is a child of `childOf`, or (null) one that sits where the next step sits.
    const steps: { item: Y.Item; childOf: Y.AbstractType<unknown> | null }[] = [];
    const visited = new Set<Y.Item>();
    let place: Place | null;
    let current = item;
    for (;;) {
      const known = places.get(current);
      if (known !== undefined) {
        place = known;
        break;
      }
      if (!newItems.has(current)) {
        place = integratedPlace(current);
        break;
      }
      // Real updates never loop; a crafted one whose items name each other as neighbours would.
      if (visited.has(current)) return 'malformed-update';
      visited.add(current);

      // Decoded items hold the root's name as a string here, though Yjs's types do not say so.
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        place = { root: parent, container: null, key: current.parentSub, depth: 1 };
        places.set(current, place);
        break;
      }
      if (parent instanceof Y.ID) {
        const parentItem = structAt(parent);
        if (typeof parentItem === 'string') return parentItem;
        // A type that was deleted and collected takes no children: Yjs discards them.
        if (parentItem instanceof Y.GC || parentItem.content instanceof Y.ContentDeleted) {
          place = null;
          break;
        }
        if (!(parentItem.content instanceof Y.ContentType)) return 'malformed-update';
        steps.push({ item: current, childOf: parentItem.content.type });
        current = parentItem;
        continue;
      }
      const left = current.origin ? structAt(current.origin) : null;
      const right = current.rightOrigin ? structAt(current.rightOrigin) : null;
      if (typeof left === 'string') return left;
      if (typeof right === 'string') return right;
      if (left instanceof Y.GC || right instanceof Y.GC) {
        place = null;
        break;
      }
      const neighbour = left ?? right;
      if (!neighbour) return 'malformed-update';
      steps.push({ item: current, childOf: null });
      current = neighbour;
    }

    for (const step of steps.reverse()) {
      if (place && step.childOf) place = { root: place.root, container: step.childOf, key: step.item.parentSub, depth: place.depth + 1 };
      places.set(step.item, place);
    }
    return place;
  };
}

/** The struct holding `clock` among one client's structs of the update, which are contiguous and in clock order. */
function structIn(structs: readonly (Y.Item | Y.GC | Y.Skip)[] | undefined, clock: number): Y.Item | Y.GC | Y.Skip | undefined {
  if (!structs) return undefined;
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const struct = structs[middle]!;
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct;
  }
  return undefined;
}

/** The place of an item already in the document; Yjs has resolved its parent to a type. */
function integratedPlace(item: Y.Item): Place {
  const container = item.parent as Y.AbstractType<unknown>;
  let root = container;
  let depth = 1;
  for (; root._item; depth++) root = root._item.parent as Y.AbstractType<unknown>;
  return { root: Y.findRootTypeKey(root), container: container === root ? null : container, key: item.parentSub, depth };
}

/** What an item holds, wherever it goes. */
/** Every key an item may be written under in the layout: a body node's attributes, a field, the lead photo's parts. */
const LAYOUT_KEYS = new Set<string>([
  ...Object.values(bodySchema.nodes).flatMap((node) => Object.keys(node.spec.attrs ?? {})),
  ...TEXT_FIELDS,
  LEAD_PHOTO_ID,
  ...LEAD_PHOTO_TEXTS,
]);

/**
 * An item built on items the server has not received yet. A client that reconnects sends what it
 * types next before the handshake has brought the server what it typed offline, so this is normal
 * and must not cost the person their connection; Yjs holds such items until what they build on
 * arrives. Their content is checked as any other's; where they will go cannot be, so their key
 * must at least be one the layout uses anywhere. The fold's body check judges the text they make.
 */
function checkUnplacedKey(key: string | null): UpdateRefusal | null {
  return key === null || LAYOUT_KEYS.has(key) ? null : 'disallowed-attribute';
}

function checkContent(content: ItemContent, maxTextLength: number): UpdateRefusal | null {
  if (content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentString) return content.str.length > maxTextLength ? 'text-too-long' : null;
  if (content instanceof Y.ContentFormat) return checkMark(content);
  if (content instanceof Y.ContentAny) {
    for (const value of content.arr as unknown[]) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 'disallowed-content';
      if (typeof value === 'string' && value.length > maxTextLength) return 'text-too-long';
    }
    return null;
  }
  if (content instanceof Y.ContentType) return isBodyType(content.type) || isPlainText(content.type) ? null : 'disallowed-content';
  // Embeds, JSON, binary, subdocuments and anything newer: nothing in an article is made of them.
  return 'disallowed-content';
}

/** y-tiptap marks text with a format per mark; overlapping marks get `--` and a hash after the name. */
const OVERLAPPING_MARK_SUFFIX = /--[a-zA-Z0-9+/=]{8}$/;

function checkMark(format: Y.ContentFormat): UpdateRefusal | null {
  const name = format.key.replace(OVERLAPPING_MARK_SUFFIX, '');
  // y-tiptap's `ychange` (its change-tracking display) is not in the schema, so it is refused here too.
  const markType = Object.hasOwn(bodySchema.marks, name) ? bodySchema.marks[name] : undefined;
  if (!markType) return 'disallowed-mark';
  const attrs = format.value as unknown;
  // null ends the mark.
  if (attrs === null) return null;
  if (typeof attrs !== 'object' || Array.isArray(attrs)) return 'disallowed-mark';
  const declared = markType.spec.attrs ?? {};
  if (Object.keys(attrs).some((key) => !Object.hasOwn(declared, key))) return 'disallowed-mark';
  if (name === 'link') {
    const { href } = attrs as { href?: unknown };
    if (typeof href !== 'string' || !isAllowedLink(href)) return 'disallowed-link';
  }
  return null;
}

function checkPlace(content: ItemContent, place: Place): UpdateRefusal | null {
  if (place.depth > MAX_BODY_DEPTH) return 'too-deep';
  switch (place.root) {
    case BODY_ROOT:
      return checkInBody(content, place);
    case FIELDS_ROOT:
      if (place.container) return checkInPlainText(content, place);
      if (place.key === null) return 'disallowed-content';
      if (!TEXT_FIELDS.includes(place.key as (typeof TEXT_FIELDS)[number])) return 'unknown-field';
      return holdsPlainText(content) ? null : 'disallowed-content';
    case LEAD_PHOTO_ROOT:
      if (place.container) return checkInPlainText(content, place);
      if (place.key === null) return 'disallowed-content';
      if (place.key === LEAD_PHOTO_ID) return holdsPhotoId(content) ? null : 'disallowed-content';
      if (!LEAD_PHOTO_TEXTS.includes(place.key as (typeof LEAD_PHOTO_TEXTS)[number])) return 'unknown-field';
      return holdsPlainText(content) ? null : 'disallowed-content';
    default:
      return 'unknown-root';
  }
}

/** The body: elements and text containers in sequence, schema attributes on elements, text and marks in text. */
function checkInBody(content: ItemContent, { container, key }: Place): UpdateRefusal | null {
  if (container instanceof Y.XmlText) {
    if (key !== null) return 'disallowed-attribute';
    return content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentDeleted
      ? null
      : 'disallowed-content';
  }
  if (container !== null && !(container instanceof Y.XmlElement)) return 'disallowed-content';
  if (key !== null) {
    // The fragment itself has no attributes; an element has its node's.
    const declared = container ? bodySchema.nodes[container.nodeName]?.spec.attrs : undefined;
    if (!declared || !Object.hasOwn(declared, key)) return 'disallowed-attribute';
    return content instanceof Y.ContentDeleted || (content instanceof Y.ContentAny && content.arr.length === 1)
      ? null
      : 'disallowed-content';
  }
  if (content instanceof Y.ContentDeleted) return null;
  return content instanceof Y.ContentType && isBodyType(content.type) ? null : 'disallowed-content';
}

/** Inside a plain field's text: letters only, no formatting, no attributes. */
function checkInPlainText(content: ItemContent, { container, key }: Place): UpdateRefusal | null {
  if (!container || !isPlainText(container)) return 'disallowed-content';
  if (key !== null) return 'disallowed-attribute';
  if (content instanceof Y.ContentFormat) return 'disallowed-mark';
  return content instanceof Y.ContentString || content instanceof Y.ContentDeleted ? null : 'disallowed-content';
}

/** Body nodes become elements named after them; the document and its text nodes are not elements. */
const isBodyType = (type: Y.AbstractType<unknown>) =>
  type instanceof Y.XmlText || (type instanceof Y.XmlElement && type.nodeName !== 'doc' && type.nodeName !== 'text' && Object.hasOwn(bodySchema.nodes, type.nodeName));

// Y.XmlText is a Y.Text too; a plain field is exactly a Y.Text.
const isPlainText = (type: Y.AbstractType<unknown>) => type.constructor === Y.Text;

const holdsPlainText = (content: ItemContent) =>
  content instanceof Y.ContentDeleted || (content instanceof Y.ContentType && isPlainText(content.type));

const holdsPhotoId = (content: ItemContent) => {
  if (content instanceof Y.ContentDeleted) return true;
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return false;
  const [photoId] = content.arr as unknown[];
  return photoId === null || (Number.isSafeInteger(photoId) && (photoId as number) > 0);
};
