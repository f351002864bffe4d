import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '@/lib/app-error';
import type { WireItemInput, WirePhoto } from '@/lib/wire/wire-item';
import { type MarkupElement, type MarkupNode, markupToBody, plainTextBody } from './markup-to-body';
import { MAX_WIRE_FILE_BYTES, wireDate, wireFileTooLarge } from './wire-file';

export const NAR_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Text stays text: a version "11" or a slugline "2024" is not a number, and spacing in copy matters.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * The items in a NewsML-G2 document: a `newsItem`, a `packageItem`, or a `newsMessage` carrying
 * several. Refused, with a message naming the problem: a file over the size limit, any DOCTYPE or
 * entity declaration (a wire item needs none; refusing them is what keeps out XXE and "billion
 * laughs"), XML that is not well-formed, and a root outside the NewsML-G2 namespace.
 */
export function parseNewsml(xml: string): WireItemInput[] {
  if (Buffer.byteLength(xml) > MAX_WIRE_FILE_BYTES) throw wireFileTooLarge();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new AppError('INVALID', 'The XML declares a DOCTYPE or entities, which a NewsML-G2 item never needs; it was refused unread.');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AppError('INVALID', `The XML is not well-formed (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`);
  }
  let document: Ordered[];
  try {
    document = parser.parse(xml) as Ordered[];
  } catch (error) {
    // Its own limits (nesting past 200 elements) refuse with a plain Error.
    throw new AppError('INVALID', `The XML could not be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const root = toMarkup(document).find((node): node is MarkupElement => 'tag' in node);
  const rawRoot = rawRootOf(document);
  if (!root || rawRoot === null) throw new AppError('INVALID', 'The XML has no root element.');
  if (rawRoot.namespace !== NAR_NAMESPACE) {
    throw new AppError('INVALID', `The root element is not in the NewsML-G2 namespace ${NAR_NAMESPACE}.`);
  }
  const items = root.tag === 'newsmessage' ? elements(child(root, 'itemset')) : [root];
  const known = items.filter((item) => item.tag === 'newsitem' || item.tag === 'packageitem');
  if (known.length === 0) throw new AppError('INVALID', `A ${rawRoot.name} holds no newsItem or packageItem.`);
  return known.map(itemOf);
}

/** The root's name and namespace, read from its own declarations before prefixes are dropped. */
function rawRootOf(document: Ordered[]): { name: string; namespace: string | undefined } | null {
  for (const entry of document) {
    const name = Object.keys(entry).find((key) => key !== ':@' && key !== '#text');
    if (!name) continue;
    const prefix = name.includes(':') ? name.split(':')[0] : null;
    return { name, namespace: entry[':@']?.[prefix ? `xmlns:${prefix}` : 'xmlns'] };
  }
  return null;
}

function localName(name: string): string {
  return (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name).toLowerCase();
}

function toMarkup(entries: readonly Ordered[]): MarkupNode[] {
  const nodes: MarkupNode[] = [];
  for (const entry of entries) {
    for (const [key, value] of Object.entries(entry)) {
      if (key === ':@') continue;
      if (key === '#text') nodes.push({ text: String(value) });
      else {
        const attrs = Object.fromEntries(Object.entries(entry[':@'] ?? {}).map(([name, text]) => [localName(name), String(text)]));
        nodes.push({ tag: localName(key), attrs, children: toMarkup(value as Ordered[]) });
      }
    }
  }
  return nodes;
}

function elements(node: MarkupElement | undefined, tag?: string): MarkupElement[] {
  return (node?.children ?? []).filter((c): c is MarkupElement => 'tag' in c && (tag === undefined || c.tag === tag));
}

function child(node: MarkupElement | undefined, ...path: string[]): MarkupElement | undefined {
  let at = node;
  for (const tag of path) at = elements(at, tag)[0];
  return at;
}

function textOf(node: MarkupElement | undefined): string {
  if (!node) return '';
  return node.children
    .map((c) => ('tag' in c ? textOf(c) : c.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A concept's human name: its `name`, else the code after the scheme ("city:Moscow" → Moscow). */
function conceptName(node: MarkupElement | undefined): string {
  const name = textOf(child(node, 'name'));
  if (name) return name;
  const qcode = node?.attrs.qcode ?? '';
  return qcode.includes(':') ? qcode.slice(qcode.indexOf(':') + 1) : qcode;
}

function qcodeValue(node: MarkupElement | undefined, scheme: string): string | undefined {
  const qcode = node?.attrs.qcode;
  return qcode?.startsWith(`${scheme}:`) ? qcode.slice(scheme.length + 1) : undefined;
}

const KINDS: Record<string, WireItemInput['kind']> = { text: 'text', picture: 'picture', graphic: 'picture', composite: 'package' };

function itemOf(item: MarkupElement): WireItemInput {
  const itemMeta = child(item, 'itemmeta');
  const contentMeta = child(item, 'contentmeta');
  const rights = child(item, 'rightsinfo');
  const itemClass = qcodeValue(child(itemMeta, 'itemclass'), 'ninat');
  const kind = item.tag === 'packageitem' ? 'package' : KINDS[itemClass ?? 'text'];
  if (!kind) throw new AppError('INVALID', `Dateline takes text, picture and package items; “${item.attrs.guid ?? 'an item'}” is ninat:${itemClass}.`);

  const version = item.attrs.version === undefined ? 1 : Number(item.attrs.version);
  if (!Number.isInteger(version) || version < 0) throw new AppError('INVALID', `The item's version “${item.attrs.version}” is not a whole number.`);
  const pubStatus = qcodeValue(child(itemMeta, 'pubstatus'), 'stat') ?? 'usable';
  if (pubStatus !== 'usable' && pubStatus !== 'withheld' && pubStatus !== 'canceled') {
    throw new AppError('INVALID', `The item's pubStatus “stat:${pubStatus}” is not usable, withheld or canceled.`);
  }
  const signals = elements(itemMeta, 'signal')
    .map((signal) => qcodeValue(signal, 'sig'))
    .filter((signal): signal is 'update' | 'correction' => signal === 'update' || signal === 'correction');

  const creators = elements(contentMeta, 'creator').map(conceptName).filter(Boolean);
  const copyrightNotice = textOf(child(rights, 'copyrightnotice'));
  const usageTerms = textOf(child(rights, 'usageterms'));
  const creditLine = textOf(child(contentMeta, 'creditline'));
  const descriptions = elements(contentMeta, 'description');
  const description = textOf(descriptions.find((d) => d.attrs.role === 'drol:caption') ?? descriptions[0]);
  const provider = conceptName(child(itemMeta, 'provider'));

  return {
    guid: item.attrs.guid ?? '',
    version,
    format: 'newsml-g2',
    kind,
    headline: textOf(child(contentMeta, 'headline')),
    slugline: textOf(child(contentMeta, 'slugline')),
    provider,
    located: conceptName(child(contentMeta, 'located')),
    byline: textOf(child(contentMeta, 'by')) || creators.join(', '),
    creditLine,
    description,
    subjects: elements(contentMeta, 'subject')
      .map((subject) => ({ code: subject.attrs.qcode ?? '', name: textOf(child(subject, 'name')) }))
      .filter((subject) => subject.name !== ''),
    pubStatus,
    signals: [...new Set(signals)],
    embargoedUntil: wireDate(textOf(child(itemMeta, 'embargoed')), 'embargoed'),
    versionCreated: wireDate(textOf(child(itemMeta, 'versioncreated')), 'versionCreated'),
    copyrightHolder: conceptName(child(rights, 'copyrightholder')),
    copyrightNotice,
    usageTerms,
    editorsNote: textOf(child(itemMeta, 'ednote')),
    body: bodyOf(child(item, 'contentset')),
    photos:
      kind === 'picture'
        ? pictureOf(item, { caption: description, creator: creators.join(', '), creditLine, copyrightNotice, usageTerms })
        : packagePhotos(item, { creditLine: creditLine || provider, copyrightNotice, usageTerms }),
    references: elements(child(item, 'groupset'))
      .flatMap((group) => elements(group, 'itemref'))
      .filter((ref) => ref.attrs.residref)
      .map((ref) => ({ guid: ref.attrs.residref!, kind: qcodeValue(child(ref, 'itemclass'), 'ninat') ?? '', title: textOf(child(ref, 'title')) })),
  };
}

function bodyOf(contentSet: MarkupElement | undefined) {
  const inlineXml = child(contentSet, 'inlinexml');
  if (inlineXml) return markupToBody(inlineXml.children);
  const inlineData = child(contentSet, 'inlinedata');
  return plainTextBody(inlineData ? inlineData.children.map((c) => ('text' in c ? c.text : '')).join('') : '');
}

/** A picture item's file: its largest rendition. */
function pictureOf(item: MarkupElement, rights: Omit<WirePhoto, 'href'>): WirePhoto[] {
  const renditions = elements(child(item, 'contentset'), 'remotecontent').filter((r) => r.attrs.href);
  const largest = renditions.sort((a, b) => Number(b.attrs.width ?? 0) - Number(a.attrs.width ?? 0))[0];
  return largest ? [{ href: largest.attrs.href!, ...rights }] : [];
}

/**
 * The pictures a package points at with a file (`itemRef href`), with what it says of each; the
 * package's own rights and credit stand for a picture that states none.
 */
function packagePhotos(item: MarkupElement, rights: Pick<WirePhoto, 'creditLine' | 'copyrightNotice' | 'usageTerms'>): WirePhoto[] {
  return elements(child(item, 'groupset'))
    .flatMap((group) => elements(group, 'itemref'))
    .filter((ref) => qcodeValue(child(ref, 'itemclass'), 'ninat') === 'picture' && ref.attrs.href)
    .map((ref) => {
      const descriptions = elements(ref, 'description');
      return {
        href: ref.attrs.href!,
        caption: textOf(descriptions.find((d) => d.attrs.role === 'drol:caption') ?? descriptions[0]),
        creator: elements(ref, 'creator').map(conceptName).join(', '),
        creditLine: textOf(child(ref, 'creditline')) || rights.creditLine,
        copyrightNotice: textOf(child(ref, 'rightsinfo', 'copyrightnotice')) || rights.copyrightNotice,
        usageTerms: textOf(child(ref, 'rightsinfo', 'usageterms')) || rights.usageTerms,
      };
    });
}
